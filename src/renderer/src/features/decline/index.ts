export { DeclineAlertCard } from './components/decline-alert-card';
export { DeclineAlertView } from './components/decline-alert-view';
export { declineEn, declineZh } from './messages';
