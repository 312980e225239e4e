import type { RpcClient } from '../../../../../shared/rpc/client';
import type { Unsubscribe } from '../../../../../shared/rpc/envelope';
import type { FileOutcome, ImportProgress, ImportRunOutcome, ImportSource } from '../../../../../shared/rpc/domains/imports';
import { recordProgress, type ProgressByFile } from './import-progress';
import { newJobId } from './job-id';
import { uploadFile, type UploadableFile } from './upload-file';

/** Where one dropped file is on its way to the preview. */
export type EntryStatus =
  | { stage: 'queued' }
  | { stage: 'uploading'; sentBytes: number }
  | { stage: 'checking'; jobId: string; progress: ImportProgress | null }
  /**
   * One outcome per file: a zip gives one per file inside it. `previewId`: the preview job, whose
   * parsed lines the core keeps so the import writes them without reading the file again.
   */
  | { stage: 'checked'; outcomes: FileOutcome[]; previewId?: string }
  /** The upload or the preview call itself failed (lost connection …); `error` is what it threw. */
  | { stage: 'failed'; error: unknown };

export type SessionEntry = {
  key: string;
  name: string;
  size: number;
  source: ImportSource | null;
  status: EntryStatus;
};

export type RunState =
  | { phase: 'running'; jobId: string; progress: ProgressByFile; isCancelling: boolean }
  | { phase: 'finished'; outcomes: ImportRunOutcome[]; wasCancelled: boolean }
  | { phase: 'failed'; error: unknown };

export type ImportSessionState = {
  /** Dropped or picked files, in the order they came. */
  entries: readonly SessionEntry[];
  /** The import started from these entries, once confirmed. */
  run: RunState | null;
};

export type ImportSessionDeps = {
  client: Pick<RpcClient, 'call' | 'on'>;
  /** Desktop only: the dropped file's own path ('' when it has none, then it is uploaded). */
  pathForFile?: (file: UploadableFile) => string;
  newJobId?: () => string;
};

export type ImportSession = {
  getState(): ImportSessionState;
  subscribe(listener: () => void): Unsubscribe;
  /** Queues files for the preview. Refused (false) while an import runs. */
  addFiles(files: readonly UploadableFile[]): boolean;
  /** Drops one file from the list (stopping its check); never during an import. */
  remove(key: string): void;
  /** Sends the accepted files to `imports.run`; refused files are never sent. */
  start(): Promise<void>;
  /** Asks the core to stop the running import; the file in progress is rolled back. */
  cancel(): Promise<void>;
  /** Leaves the summary (or the preview) for an empty screen. */
  reset(): void;
};

/** The sources worth importing: files with at least one part the preview accepted. */
export function importableSources(entries: readonly SessionEntry[]): ImportSource[] {
  return entries.flatMap((e) =>
    e.source !== null && e.status.stage === 'checked' && e.status.outcomes.some((o) => !o.refused) ? [e.source] : [],
  );
}

/** The staged previews of the sources worth importing (the core writes from what they kept). */
export function importablePreviews(entries: readonly SessionEntry[]): string[] {
  return entries.flatMap((e) =>
    e.source !== null && e.status.stage === 'checked' && e.status.previewId !== undefined && e.status.outcomes.some((o) => !o.refused) ? [e.status.previewId] : [],
  );
}

/** True when every entry has its preview (or failed): nothing is being uploaded or checked. */
export const isSettled = (entries: readonly SessionEntry[]): boolean =>
  entries.every((e) => e.status.stage === 'checked' || e.status.stage === 'failed');

/**
 * The preview-and-import session of the window. It lives outside React (one per connection) so
 * a drop anywhere in the window reaches it, and a running import survives leaving the screen.
 * It only moves files to the core and keeps what the core answered; all judging is the core's.
 */
export function createImportSession(deps: ImportSessionDeps): ImportSession {
  const { client } = deps;
  const makeJobId = deps.newJobId ?? (() => newJobId());
  const listeners = new Set<() => void>();
  let state: ImportSessionState = { entries: [], run: null };
  let nextKey = 1;
  let isPumping = false;
  const files = new Map<string, UploadableFile>();

  const set = (next: ImportSessionState) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };
  const updateEntry = (key: string, change: (e: SessionEntry) => SessionEntry) => {
    if (!state.entries.some((e) => e.key === key)) return;
    set({ ...state, entries: state.entries.map((e) => (e.key === key ? change(e) : e)) });
  };
  const hasEntry = (key: string) => state.entries.some((e) => e.key === key);
  // An upload the list no longer holds is deleted from the data folder (it is the user's order data).
  // So is what its preview kept in the core (a no-op once an import used it).
  const discard = (entry: SessionEntry) => {
    const previewId = entry.status.stage === 'checked' ? entry.status.previewId : undefined;
    if (previewId !== undefined) void client.call('imports.discardPreview', { jobId: previewId }).catch(() => undefined);
    if (entry.source?.type === 'upload') void client.call('imports.discardUpload', { uploadId: entry.source.uploadId }).catch(() => undefined);
  };
  const currentRun = (): RunState | null => state.run;

  client.on('imports.progressed', (report) => {
    const run = state.run;
    if (run?.phase === 'running' && run.jobId === report.jobId) {
      set({ ...state, run: { ...run, progress: recordProgress(run.progress, report) } });
      return;
    }
    const entry = state.entries.find((e) => e.status.stage === 'checking' && e.status.jobId === report.jobId);
    if (entry) updateEntry(entry.key, (e) => ({ ...e, status: { stage: 'checking', jobId: report.jobId, progress: report } }));
  });

  async function sourceFor(key: string, file: UploadableFile): Promise<ImportSource | null> {
    const path = deps.pathForFile?.(file) ?? '';
    if (path !== '') return { type: 'path', path };
    updateEntry(key, (e) => ({ ...e, status: { stage: 'uploading', sentBytes: 0 } }));
    const uploadId = await uploadFile(client, file, {
      onProgress: (sentBytes) => updateEntry(key, (e) => ({ ...e, status: { stage: 'uploading', sentBytes } })),
      isAborted: () => !hasEntry(key),
    });
    return uploadId === null ? null : { type: 'upload', uploadId };
  }

  async function check(key: string): Promise<void> {
    const file = files.get(key);
    if (!file) return;
    try {
      const source = await sourceFor(key, file);
      if (source === null || !hasEntry(key)) return;
      const jobId = makeJobId();
      updateEntry(key, (e) => ({ ...e, source, status: { stage: 'checking', jobId, progress: null } }));
      const outcomes = await client.call('imports.preview', { jobId, sources: [source], stage: true });
      // Removed while it was checked: what the core kept of it is not needed.
      if (!hasEntry(key)) void client.call('imports.discardPreview', { jobId }).catch(() => undefined);
      updateEntry(key, (e) => ({ ...e, status: { stage: 'checked', outcomes, previewId: jobId } }));
    } catch (error) {
      updateEntry(key, (e) => ({ ...e, status: { stage: 'failed', error } }));
    } finally {
      files.delete(key);
    }
  }

  // One file at a time: uploads and previews of big files would otherwise compete for the core.
  async function pump(): Promise<void> {
    if (isPumping) return;
    isPumping = true;
    try {
      for (let next = state.entries.find((e) => e.status.stage === 'queued'); next; next = state.entries.find((e) => e.status.stage === 'queued')) {
        await check(next.key);
      }
    } finally {
      isPumping = false;
    }
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    addFiles(dropped) {
      if (state.run?.phase === 'running') return false;
      // New files after a finished import start a new session.
      const base = state.run === null ? state.entries : [];
      if (state.run !== null) for (const entry of state.entries) discard(entry);
      const added = dropped.map((file): SessionEntry => {
        const key = `file-${nextKey++}`;
        files.set(key, file);
        return { key, name: file.name, size: file.size, source: null, status: { stage: 'queued' } };
      });
      set({ entries: [...base, ...added], run: null });
      void pump();
      return true;
    },
    remove(key) {
      if (state.run?.phase === 'running') return;
      const entry = state.entries.find((e) => e.key === key);
      if (!entry) return;
      files.delete(key);
      set({ ...state, entries: state.entries.filter((e) => e.key !== key) });
      if (entry.status.stage === 'checking') void client.call('imports.cancel', { jobId: entry.status.jobId }).catch(() => undefined);
      discard(entry);
    },
    async start() {
      if (state.run?.phase === 'running' || !isSettled(state.entries)) return;
      const sources = importableSources(state.entries);
      if (sources.length === 0) return;
      const previews = importablePreviews(state.entries);
      const jobId = makeJobId();
      set({ ...state, run: { phase: 'running', jobId, progress: {}, isCancelling: false } });
      try {
        const outcomes = await client.call('imports.run', { jobId, sources, ...(previews.length > 0 ? { previews } : {}) });
        // Read again: the user may have pressed Cancel while the import ran.
        const during = currentRun();
        const wasCancelled = (during?.phase === 'running' && during.isCancelling) || outcomes.some((o) => o.refused && o.code === 'IMPORT_CANCELLED');
        set({ ...state, run: { phase: 'finished', outcomes, wasCancelled } });
      } catch (error) {
        set({ ...state, run: { phase: 'failed', error } });
      }
    },
    async cancel() {
      const run = state.run;
      if (run?.phase !== 'running' || run.isCancelling) return;
      set({ ...state, run: { ...run, isCancelling: true } });
      await client.call('imports.cancel', { jobId: run.jobId });
    },
    reset() {
      if (state.run?.phase === 'running') return;
      for (const entry of state.entries) if (entry.status.stage === 'checking') void client.call('imports.cancel', { jobId: entry.status.jobId }).catch(() => undefined);
      // After an import the core has deleted what it imported; a cancelled one's uploads go now.
      for (const entry of state.entries) discard(entry);
      files.clear();
      set({ entries: [], run: null });
    },
  };
}
