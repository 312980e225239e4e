export { PurchasePanel } from './components/purchase-panel';
export { PurchasesScreen } from './components/purchases-screen';
export { purchasesEn, purchasesZh } from './messages';
export { useCopyText } from './use-copy';
