export { ImportsScreen } from './components/imports-screen';
export { ImportDropLayer } from './components/import-drop-layer';
