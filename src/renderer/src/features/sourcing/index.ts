export { SourcingScreen } from './components/sourcing-screen';
export { sourcingEn, sourcingZh, suppliersEn, suppliersZh } from './messages';
export { CsvImportModal } from './components/csv-import-modal';
export { QuickCaptureLayer } from './components/quick-capture-layer';
