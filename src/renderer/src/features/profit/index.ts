export { ProfitScreen } from './components/profit-screen';
export { profitEn, profitZh } from './messages';
