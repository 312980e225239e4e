export { RecoveryScreen } from './components/recovery-screen';
