// Installers for the control room (electron-builder). This machine cannot
// fetch Electron or the packaging tools, so the configuration is checked by
// build/electron-builder-config.test.ts and built on a connected machine
// (README, "Installers").
const pkg = require('../package.json');

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.tidewatch.hmi',
  productName: pkg.productName,
  copyright: 'Copyright © Tidewatch contributors',
  directories: { output: 'release', buildResources: 'build' },
  // Only what runs: the bundles and package.json. node_modules' production
  // dependencies (node-opcua, ws, zod) are added by electron-builder itself.
  files: ['dist/**/*', '!dist/**/*.map', 'package.json'],
  asar: true,
  // Native modules cannot load from inside an asar archive.
  asarUnpack: ['**/*.node'],
  npmRebuild: true,
  electronLanguages: ['en-US'],
  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
  },
  nsis: {
    oneClick: false,
    perMachine: true,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
  },
  portable: { artifactName: '${productName}-${version}-portable.${ext}' },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    category: 'Utility',
    maintainer: 'Tidewatch contributors',
    synopsis: 'HMI/SCADA client for OPC UA plants',
  },
  publish: null,
};
