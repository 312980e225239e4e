export { AftersalesScreen } from './components/aftersales-screen';
export { AftersalesSection } from './components/aftersales-section';
export { aftersalesEn, aftersalesZh } from './messages';
export { SupplierOwedBalance } from './components/supplier-balances-view';
