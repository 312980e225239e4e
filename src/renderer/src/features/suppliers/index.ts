export { SuppliersScreen } from './components/suppliers-screen';
