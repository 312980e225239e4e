export { BackupsTable } from './components/backups-table';
export { useRestoreBackup } from './hooks/use-restore-backup';
