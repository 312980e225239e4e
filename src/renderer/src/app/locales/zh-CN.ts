import { errorResources } from './error-resources';

/** Chinese, the default language. Its shape is the type every other locale must match. */
export const zhCN = {
  app: {
    name: '小店工作台',
    nameLatin: 'ShopDesk',
    connecting: '正在连接数据服务…',
    connectFailedTitle: '无法连接到数据服务',
    connectFailedHint: '请关闭窗口后重新打开小店工作台。如果是在浏览器里打开的，请使用启动时给出的完整地址（包含访问令牌）。',
    loadFailedTitle: '数据没有载入',
    retry: '重试',
    reload: '重新加载',
  },
  nav: {
    menuLabel: '主菜单',
    settings: '设置',
  },
  connection: {
    lost: '与数据服务的连接已断开，现在做的修改不会被保存。请重新加载。',
  },
  common: {
    cancel: '取消',
    loading: '正在载入…',
  },
  settings: {
    title: '设置',
    language: {
      title: '语言',
      description: '界面使用的语言，会被记住。',
      zhCN: '中文',
      enUS: 'English',
    },
    theme: {
      title: '外观',
      description: '深色或浅色界面。选“跟随系统”时会随电脑的设置自动切换。',
      system: '跟随系统',
      light: '浅色',
      dark: '深色',
    },
    dataFolder: {
      title: '数据文件夹',
      description: '所有数据只保存在这台电脑的这个文件夹里，包括备份。',
      open: '在文件夹中打开',
      copy: '复制路径',
      copied: '已复制',
      browserNote: '在浏览器中无法直接打开文件夹，可以复制路径后在文件管理器中打开。',
    },
    dbCheck: {
      title: '数据库检查',
      description: '检查数据库文件是否完好。',
      run: '再检查一次',
      result: '结果',
      ok: '正常',
      failed: '有问题',
      failedHint: '数据库检查发现问题。建议先点击“立即备份”，再从较早的备份恢复，或联系我们。',
      schemaVersion: '数据库版本',
      size: '文件大小',
      checkedAt: '检查时间',
    },
    startAtLogin: {
      title: '开机启动',
      description: '开机后自动打开小店工作台。',
      label: '开机时自动启动',
      desktopOnly: '仅桌面版可用',
    },
    about: {
      product: '产品名称',
      title: '关于',
      version: '版本',
      licenses: '使用的开源软件',
      package: '软件',
      license: '许可证',
      offline: '小店工作台完全离线运行，数据不会上传到任何地方。',
    },
  },
  backups: {
    title: '备份',
    description: '每天会自动备份一次；导入、恢复和升级之前也会自动备份。所有备份都经过校验。',
    createNow: '立即备份',
    created: '备份完成（{{time}}）',
    empty: '还没有备份',
    columns: {
      time: '时间（北京时间）',
      kind: '类型',
      size: '大小',
      actions: '操作',
    },
    kinds: {
      daily: '每日自动',
      manual: '手动',
      'pre-migration': '升级前',
      'pre-restore': '恢复前',
      'pre-import': '导入前',
    },
    restore: '恢复',
    restoreLabel: '恢复 {{time}} 的备份',
    restoreConfirmTitle: '恢复到 {{time}} 的备份？',
    restoreConfirmSafety: '恢复之前，会先把当前的数据自动备份一次（类型“恢复前”），不会丢失。',
    restoreConfirmReload: '然后用所选备份替换现在的数据，应用会重新载入数据。',
    restoreOk: '恢复',
    restored: '已恢复到 {{time}} 的备份。',
    restoredSafety: '恢复前的数据已另存为备份（{{time}}）。',
  },
  recovery: {
    title: '需要恢复数据',
    reasons: {
      DB_CORRUPT: {
        title: '数据库文件已损坏',
        body: '启动时的检查发现数据库文件已损坏。为了安全，已经把它原样移到下面的隔离文件夹里，没有删除任何东西。请从备份恢复。',
      },
      DB_NEWER_THAN_APP: {
        title: '数据来自更新的版本',
        body: '这份数据是由更新版本的小店工作台写入的，当前版本（{{version}}）无法打开它。请安装最新版本后再打开；数据没有做任何改动。',
      },
      DB_MIGRATION_FAILED: {
        title: '数据库升级失败',
        body: '升级数据库时出错，数据库保持在升级前的状态，没有做任何改动。可以从备份（例如“升级前”备份）恢复，或联系我们。',
      },
    },
    quarantineFolder: '隔离文件夹',
    dataFolder: '数据文件夹',
    backupsTitle: '可以恢复的备份（都已通过校验）',
    noBackups: '没有找到可用的备份。',
    restoreConfirmTitle: '用 {{time}} 的备份恢复？',
    restoreConfirmBody: '将用这个备份替换现在无法使用的数据库。原来的文件会移到隔离文件夹，不会删除。',
    restored: '已恢复到 {{time}} 的备份，可以继续使用了。',
    startFresh: '从空白数据开始',
    startFreshHint: '不想恢复备份时，可以从空白数据开始。',
    startFreshConfirmTitle: '从空白数据开始？',
    startFreshConfirmBody: '将新建一个空的数据库。原来的数据库文件会留在隔离文件夹里，不会删除，以后仍可找回。',
    startFreshOk: '从空白数据开始',
    startedFresh: '已新建空白数据。',
  },
  errors: errorResources('zh-CN'),
};

/** Same keys as {@link zhCN}, every value a string: what another locale must provide. */
export type Messages = DeepStrings<typeof zhCN>;
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
