export { AnalyticsScreen } from './components/analytics-screen';
export { analyticsEn, analyticsZh } from './messages';
