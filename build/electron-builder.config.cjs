// Installers for the control room (electron-builder 26). This machine cannot
// fetch Electron or the packaging tools, so the configuration is checked by
// build/electron-builder-config.test.ts, the packaged file set by
// test/integration/desktop-packaging.test.ts (a `--linux dir` build against a
// stand-in Electron), and the installers are built on a connected machine
// (README, "Installers"). Icons: scripts/generate-icons.mjs.
const pkg = require('../package.json');

/** Project files: JSON, opened by a double-click (Windows: the installer registers it; Linux: the deb's MIME type). */
const PROJECT_FILE = {
  ext: 'tidewatch',
  name: 'Tidewatch project',
  description: 'Tidewatch project',
  mimeType: 'application/x-tidewatch-project+json',
};

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.tidewatch.hmi',
  productName: pkg.productName,
  // The version is package.json's (electron-builder reads it there); nothing here overrides it.
  copyright: 'Copyright © Tidewatch contributors',
  directories: { output: 'release', buildResources: 'build' },
  // Only what runs: the bundles and package.json. The production dependencies
  // (node-opcua with its nodesets, ws, zod, the historian's better-sqlite3) are
  // added from node_modules by electron-builder, so nothing is fetched at first start.
  files: ['dist/**/*', '!dist/**/*.map', 'package.json'],
  asar: true,
  // Native modules cannot be loaded from inside an asar archive.
  asarUnpack: ['**/*.node'],
  // No rebuild: the one native module, better-sqlite3 13, is N-API (ABI-stable across Node
  // and Electron) and ships prebuilt binaries for every target in its npm package. A rebuild
  // would need a compiler and Electron's headers on the build machine and gain nothing; the
  // packaging test checks the Windows and Linux binaries are in the app. A V8-API module
  // added later must turn this back on (and be built on each target platform).
  npmRebuild: false,
  electronLanguages: ['en-US'],
  icon: 'build/icon.png',
  fileAssociations: [PROJECT_FILE],
  win: {
    icon: 'build/icon.ico',
    executableName: 'Tidewatch',
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
  },
  // Silent install for IT: `Tidewatch-Setup-<version>.exe /S` (add `/D=C:\path` last to choose the folder);
  // per-machine, so it needs an elevated prompt, and the file association applies to every user.
  nsis: {
    oneClick: false,
    perMachine: true,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Tidewatch',
    installerIcon: 'build/icon.ico',
    uninstallerIcon: 'build/icon.ico',
    artifactName: '${productName}-Setup-${version}.${ext}',
  },
  portable: { artifactName: '${productName}-${version}-portable.${ext}' },
  linux: {
    icon: 'build/icons',
    executableName: 'tidewatch',
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    category: 'Utility',
    maintainer: 'Tidewatch contributors',
    synopsis: 'HMI/SCADA client for OPC UA plants',
  },
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  deb: { artifactName: '${name}_${version}_${arch}.${ext}' },
  // No update server: plant networks are offline, and an update is an engineering change.
  publish: null,
};
