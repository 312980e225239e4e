export { HealthScreen } from './components/health-screen';
export { healthEn, healthZh } from './messages';
