/**
 * Whether an undo was refused because its `pre-undo` backup could not be made (the core sets
 * `details.backupFailed`; see `imports.undo`). Such a refusal changed nothing, and says so.
 */
export function isUndoBackupFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('details' in error)) return false;
  const { details } = error as { details: unknown };
  return typeof details === 'object' && details !== null && (details as { backupFailed?: unknown }).backupFailed === true;
}
