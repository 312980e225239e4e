/** The parts of a DataTransfer item a drop needs (DOM's DataTransferItem, or a test double). */
export type DropItem = { kind: string; getAsFile(): File | null; webkitGetAsEntry?(): { isDirectory: boolean } | null };
export type DropData = { items?: ArrayLike<DropItem> | null; files?: ArrayLike<File> | null; types?: ArrayLike<string> | null };

/** True when a drag carries files (not text or a link being dragged around the page). */
export const carriesFiles = (data: DropData | null | undefined): boolean => Array.from(data?.types ?? []).includes('Files');

/**
 * The files of a drop, and how many folders were dropped (they cannot be imported as such).
 * Must run inside the drop event: the browser empties the DataTransfer afterwards.
 */
export function droppedFiles(data: DropData): { files: File[]; folders: number } {
  const items = Array.from(data.items ?? []).filter((item) => item.kind === 'file');
  if (items.length === 0) return { files: Array.from(data.files ?? []), folders: 0 };
  const files: File[] = [];
  let folders = 0;
  for (const item of items) {
    if (item.webkitGetAsEntry?.()?.isDirectory) {
      folders++;
      continue;
    }
    const file = item.getAsFile();
    if (file) files.push(file);
  }
  return { files, folders };
}
