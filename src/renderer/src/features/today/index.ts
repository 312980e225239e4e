export { TodayScreen } from './components/today-screen';
export { todayEn, todayZh } from './messages';
