export { MoneyScreen } from './components/money-screen';
export { moneyEn, moneyZh } from './messages';
