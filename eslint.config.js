// Lint rules that keep the architecture honest (DESIGN.md "Layout"). Each message
// says why, so whoever trips one learns the boundary instead of working around it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const electronOnlyInShell = {
  name: 'electron',
  message: 'Only main/electron/ may import electron: the core must run in plain Node, where the headless shell and the tests run it.',
};
const opcuaOnlyInOpcua = {
  group: ['node-opcua', 'node-opcua-*'],
  message: 'Only main/opcua/ (the client) and main/simulator/ (the demo server) speak OPC UA; everything else sees samples and the contract, so the protocol library is upgraded in one place.',
};
const noNodeMessage = 'shared/ and the renderer run in the browser too: no Node built-ins. Put Node code in main/.';
// Bare names as exact paths: as patterns they would also match any folder named like a module ("util").
const nodeBuiltinPaths = builtinModules.map((name) => ({ name, message: noNodeMessage }));
const nodeBuiltins = { group: ['node:*'], message: noNodeMessage };
const rendererStaysOut = {
  group: ['**/renderer/**'],
  message: 'main/ and shared/ never import the renderer: it is a separate bundle reached through the contract.',
};
const mainStaysOut = {
  group: ['**/main/**'],
  message: 'The renderer and shared/ reach main only through the contract (shared/contract.ts), over IPC or the WebSocket; importing main would pull Node code into the page.',
};
const uiLibsStayOut = {
  group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'uplot'],
  message: 'shared/ is the contract, free of UI libraries; UI code lives in renderer/.',
};

const restrict = (paths, patterns) => ['error', { paths, patterns }];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.tsbuild/', 'release/', 'test-results/', 'bench-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'scripts/**', 'test/**', 'build/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // electron-builder reads a CommonJS config file.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': restrict([electronOnlyInShell, ...nodeBuiltinPaths], [opcuaOnlyInOpcua, nodeBuiltins, rendererStaysOut, mainStaysOut, uiLibsStayOut]) },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': restrict([electronOnlyInShell, ...nodeBuiltinPaths], [opcuaOnlyInOpcua, nodeBuiltins, mainStaysOut]) },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**', 'main/opcua/**', 'main/simulator/**'],
    rules: { 'no-restricted-imports': restrict([electronOnlyInShell], [opcuaOnlyInOpcua, rendererStaysOut]) },
  },
  {
    files: ['main/opcua/**/*.ts', 'main/simulator/**/*.ts'],
    rules: { 'no-restricted-imports': restrict([electronOnlyInShell], [rendererStaysOut]) },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: { 'no-restricted-imports': restrict([], [opcuaOnlyInOpcua, rendererStaysOut]) },
  },
);
