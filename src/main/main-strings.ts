import type { Language } from '../shared/rpc/contract';

/** Every string main shows itself (tray, dialogs, notifications), in both languages. */
export type MainStrings = {
  appName: string;
  trayOpen: string;
  trayStartAtLogin: string;
  trayQuit: string;
  /** The running timer and today's progress; `{name}` placeholders (see tray-routine.ts). */
  trayRunning: string;
  trayRunningOver: string;
  trayPaused: string;
  trayNothingRunning: string;
  trayPause: string;
  trayResume: string;
  trayNext: string;
  trayProgress: string;
  /** 联系达人: new influencers today against the daily goal and the streak of China days. */
  trayInfluencers: string;
  trayTitle: string;
  trayTitleOver: string;
  closeToTrayTitle: string;
  closeToTrayBody: string;
  ok: string;
  coreFailedTitle: string;
  coreFailedBody: string;
  /** `{path}`: the log file (main-log.ts). */
  coreFailedLog: string;
  restart: string;
  quit: string;
  /** The window's page (renderer) crashed, was reloaded, keeps crashing, or hangs (renderer-recovery.ts). */
  pageCrashedTitle: string;
  pageCrashedBody: string;
  pageCrashLoopTitle: string;
  pageCrashLoopBody: string;
  pageUnresponsiveTitle: string;
  pageUnresponsiveBody: string;
  reloadPage: string;
  wait: string;
};

export const MAIN_STRINGS: Readonly<Record<Language, MainStrings>> = {
  'zh-CN': {
    appName: '小店工作台',
    trayOpen: '打开',
    trayStartAtLogin: '开机启动',
    trayQuit: '退出',
    trayRunning: '进行中：{block}，还剩 {minutes} 分钟',
    trayRunningOver: '进行中：{block}，已超过目标 {minutes} 分钟',
    trayPaused: '已暂停：{block}',
    trayNothingRunning: '没有进行中的安排',
    trayPause: '暂停',
    trayResume: '继续「{block}」',
    trayNext: '下一项：{block}',
    trayProgress: '今日：已完成 {done}/{total} 项 · 上架 {listed}/{min}–{max} 个',
    trayInfluencers: '联系达人：今日新增 {added}/{goal} 个 · 连续达标 {streak} 天',
    trayTitle: '{block} 剩{minutes}分',
    trayTitleOver: '{block} 超{minutes}分',
    closeToTrayTitle: '小店工作台仍在运行',
    closeToTrayBody: '关闭窗口后，小店工作台会在系统托盘里继续运行，计时和提醒照常进行。要完全退出，请右键点击托盘图标，选择“退出”。',
    ok: '知道了',
    coreFailedTitle: '数据服务意外停止',
    coreFailedBody: '小店工作台的数据服务多次意外停止。已保存的数据不会丢失。请重新启动小店工作台；如果问题一直出现，请联系我们。',
    coreFailedLog: '日志文件（不含买家信息，可以发给我们）：{path}',
    restart: '重新启动',
    quit: '退出',
    pageCrashedTitle: '窗口页面意外关闭，已重新加载',
    pageCrashedBody: '小店工作台的窗口页面意外停止了，已自动重新加载。已保存的数据不受影响；正在填写但还没保存的内容需要重新填写。',
    pageCrashLoopTitle: '窗口页面反复意外关闭',
    pageCrashLoopBody: '小店工作台的窗口页面在短时间内多次意外停止，已暂停自动重新加载。已保存的数据不受影响。可以再重新加载一次，或退出后重新打开小店工作台；如果问题一直出现，请联系我们。',
    pageUnresponsiveTitle: '窗口页面没有响应',
    pageUnresponsiveBody: '小店工作台的窗口页面暂时没有响应。可以等待它恢复，也可以重新加载页面：已保存的数据不受影响，正在填写但还没保存的内容会丢失。',
    reloadPage: '重新加载',
    wait: '等待',
  },
  'en-US': {
    appName: 'ShopDesk',
    trayOpen: 'Open',
    trayStartAtLogin: 'Start at login',
    trayQuit: 'Quit',
    trayRunning: 'Running: {block}, {minutes} min left',
    trayRunningOver: 'Running: {block}, {minutes} min over target',
    trayPaused: 'Paused: {block}',
    trayNothingRunning: 'No block running',
    trayPause: 'Pause',
    trayResume: 'Resume “{block}”',
    trayNext: 'Next: {block}',
    trayProgress: 'Today: {done}/{total} blocks done · {listed}/{min}–{max} products listed',
    trayInfluencers: 'Influencers: {added}/{goal} added today · goal met {streak} days in a row',
    trayTitle: '{block} {minutes}m left',
    trayTitleOver: '{block} +{minutes}m',
    closeToTrayTitle: 'ShopDesk is still running',
    closeToTrayBody:
      'Closing the window keeps ShopDesk running in the system tray, so the timer and reminders go on. To quit completely, right-click the tray icon and choose Quit.',
    ok: 'OK',
    coreFailedTitle: 'The data service stopped',
    coreFailedBody:
      "ShopDesk's data service stopped unexpectedly several times. Nothing already saved is lost. Please restart ShopDesk, and contact us if this keeps happening.",
    coreFailedLog: 'Log file (no buyer data in it; you can send it to us): {path}',
    restart: 'Restart',
    quit: 'Quit',
    pageCrashedTitle: 'The window stopped and was reloaded',
    pageCrashedBody: "ShopDesk's window stopped unexpectedly and was reloaded. Everything already saved is safe; anything typed but not yet saved needs to be entered again.",
    pageCrashLoopTitle: 'The window keeps stopping',
    pageCrashLoopBody:
      "ShopDesk's window stopped unexpectedly several times in a short while, so it is no longer reloaded by itself. Everything already saved is safe. Reload once more, or quit and open ShopDesk again; contact us if this keeps happening.",
    pageUnresponsiveTitle: 'The window is not responding',
    pageUnresponsiveBody: "ShopDesk's window is not responding. You can wait for it, or reload it: everything already saved is safe, anything typed but not yet saved is lost.",
    reloadPage: 'Reload',
    wait: 'Wait',
  },
};

/** The strings for the app's current language (Chinese until the settings have been read). */
export const mainStrings = (language: Language | undefined): MainStrings => MAIN_STRINGS[language ?? 'zh-CN'];
