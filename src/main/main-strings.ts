import type { Language } from '../shared/rpc/contract';

/** Every string main shows itself (tray, dialogs, notifications), in both languages. */
export type MainStrings = {
  appName: string;
  trayOpen: string;
  trayStartAtLogin: string;
  trayQuit: string;
  closeToTrayTitle: string;
  closeToTrayBody: string;
  ok: string;
  coreFailedTitle: string;
  coreFailedBody: string;
  restart: string;
  quit: string;
};

export const MAIN_STRINGS: Readonly<Record<Language, MainStrings>> = {
  'zh-CN': {
    appName: '小店工作台',
    trayOpen: '打开',
    trayStartAtLogin: '开机启动',
    trayQuit: '退出',
    closeToTrayTitle: '小店工作台仍在运行',
    closeToTrayBody: '关闭窗口后，小店工作台会在系统托盘里继续运行，计时和提醒照常进行。要完全退出，请右键点击托盘图标，选择“退出”。',
    ok: '知道了',
    coreFailedTitle: '数据服务意外停止',
    coreFailedBody: '小店工作台的数据服务多次意外停止。已保存的数据不会丢失。请重新启动小店工作台；如果问题一直出现，请联系我们。',
    restart: '重新启动',
    quit: '退出',
  },
  'en-US': {
    appName: 'ShopDesk',
    trayOpen: 'Open',
    trayStartAtLogin: 'Start at login',
    trayQuit: 'Quit',
    closeToTrayTitle: 'ShopDesk is still running',
    closeToTrayBody:
      'Closing the window keeps ShopDesk running in the system tray, so the timer and reminders go on. To quit completely, right-click the tray icon and choose Quit.',
    ok: 'OK',
    coreFailedTitle: 'The data service stopped',
    coreFailedBody:
      "ShopDesk's data service stopped unexpectedly several times. Nothing already saved is lost. Please restart ShopDesk, and contact us if this keeps happening.",
    restart: 'Restart',
    quit: 'Quit',
  },
};

/** The strings for the app's current language (Chinese until the settings have been read). */
export const mainStrings = (language: Language | undefined): MainStrings => MAIN_STRINGS[language ?? 'zh-CN'];
