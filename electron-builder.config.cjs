/**
 * Packaging (run on a machine with Electron: `npm run package`). Nothing here runs in CI; a test
 * (src/main/packaging-config.test.ts) reads this file and checks the security-relevant parts.
 * @type {import('electron-builder').Configuration}
 */
module.exports = {
  appId: 'com.shopdesk.app',
  productName: 'ShopDesk',
  copyright: 'Copyright © ShopDesk',
  directories: { output: 'release', buildResources: 'resources' },
  // Only the built app and package.json. electron-builder adds the production node_modules itself;
  // the patterns below keep out what the build already bundled into out/renderer (the UI's
  // libraries) and the browser harness's WebSocket server, which never ships.
  files: [
    'out/**',
    'package.json',
    '!node_modules/ws/**',
    '!node_modules/react/**',
    '!node_modules/react-dom/**',
    '!node_modules/antd/**',
    '!node_modules/@ant-design/**',
    '!node_modules/echarts/**',
    '!node_modules/i18next/**',
    '!node_modules/react-i18next/**',
    '!node_modules/tsx/**',
  ],
  asar: true,
  // Native modules cannot be loaded from inside an asar archive.
  asarUnpack: ['node_modules/better-sqlite3/**/*.node'],
  // better-sqlite3 13 ships N-API prebuilds that load in Electron as in Node: no rebuild needed.
  npmRebuild: false,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  win: {
    target: ['nsis'],
    icon: 'resources/icon-256.png',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    shortcutName: 'ShopDesk 小店工作台',
  },
  mac: {
    target: ['dmg'],
    icon: 'resources/icon.png',
    category: 'public.app-category.business',
  },
  dmg: {
    title: 'ShopDesk',
  },
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'resources/icon.png',
    category: 'Office',
    synopsis: 'ShopDesk 小店工作台 — an offline desk for solo Douyin shop owners',
    executableName: 'shopdesk',
  },
  deb: {
    maintainer: 'ShopDesk <support@shopdesk.app>',
  },
};
