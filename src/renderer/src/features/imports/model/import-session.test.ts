import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/errors';
import type { FileOutcome, FilePreview, FileRefusal, ImportProgress, ImportRunOutcome, ImportSource } from '../../../../../shared/rpc/domains/imports';
import { createImportSession, importablePreviews, importableSources, isSettled, type ImportSessionDeps, type SessionEntry } from './import-session';
import { UPLOAD_CHUNK_BYTES } from './upload-chunks';

type Call = { method: string; params: Record<string, unknown> };
type Handler = (params: Record<string, unknown>) => unknown;

/** A core that answers the imports methods from `handlers` and lets the test push events. */
function fakeCore(handlers: Record<string, Handler>) {
  const calls: Call[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const callWaiters = new Set<() => void>();
  const client = {
    async call(method: string, params: Record<string, unknown>) {
      calls.push({ method, params });
      for (const check of [...callWaiters]) check();
      const handler = handlers[method];
      if (!handler) throw new AppError('UNKNOWN_METHOD', method);
      return handler(params);
    },
    on(event: string, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  return {
    client: client as unknown as ImportSessionDeps['client'],
    calls,
    emit: (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)),
    callsOf: (method: string) => calls.filter((c) => c.method === method).map((c) => c.params),
    /** Resolves once `method` has been called `count` times: on the call itself, never on a poll. */
    calledTimes: (method: string, count: number) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (calls.filter((c) => c.method === method).length < count) return;
          callWaiters.delete(check);
          resolve();
        };
        callWaiters.add(check);
        check();
      }),
  };
}

const file = (name: string, size = 10) => new File([new Uint8Array(size).fill(65)], name);

const preview = (name: string, extra: Partial<FilePreview> = {}): FilePreview => ({
  file: name,
  refused: false,
  kind: 'orders',
  layout: 'orders-layout-a',
  encoding: 'utf-8-bom',
  sha256: 'a'.repeat(64),
  exportTime: null,
  lines: 5,
  dateFrom: '2026-08-01',
  dateTo: '2026-08-03',
  inserted: 5,
  updated: 0,
  unchanged: 0,
  duplicatesInFile: 0,
  skippedOlder: 0,
  skippedWithIssues: 0,
  alreadyImported: false,
  issues: [],
  issueCount: 0,
  ...extra,
});

const refusal = (name: string, code: FileRefusal['code'] = 'IMPORT_EXCEL_DAMAGED'): FileRefusal => ({
  file: name,
  refused: true,
  code,
  message: code,
  params: {},
  issues: [],
});

/** The fake core's upload id for a file name (so previews can answer by name). */
const hex = (s: string) => Buffer.from(s).toString('hex').padEnd(32, '0').slice(0, 32);
const uploadedNames = new Map<string, string>();
const nameOfSource = (source: ImportSource) => (source.type === 'path' ? source.path : (uploadedNames.get(source.uploadId) ?? ''));

function browserCore(outcomesByName: Record<string, FileOutcome[]>, extra: Record<string, Handler> = {}) {
  let jobs = 0;
  const core = fakeCore({
    'imports.upload': (p) => {
      uploadedNames.set(hex(String(p.fileName)), String(p.fileName));
      return { uploadId: hex(String(p.fileName)), bytes: 0 };
    },
    'imports.preview': (p) => {
      const [source] = p.sources as ImportSource[];
      return outcomesByName[nameOfSource(source!)] ?? [];
    },
    'imports.cancel': () => ({ cancelled: true }),
    'imports.discardUpload': () => ({ removed: true }),
    'imports.discardPreview': () => ({ removed: true }),
    ...extra,
  });
  return { ...core, jobId: () => `job-test-${++jobs}` };
}

type Session = ReturnType<typeof createImportSession>;

/** Resolves when the session's state satisfies `done`: checked now and on each of its changes, never on a poll. */
const until = (session: Session, done: (state: ReturnType<Session['getState']>) => boolean) =>
  new Promise<void>((resolve) => {
    const check = () => {
      if (!done(session.getState())) return;
      off();
      resolve();
    };
    const off = session.subscribe(check);
    check();
  });

const settle = (session: Session) => until(session, (state) => isSettled(state.entries));

describe('import session: files to preview', () => {
  it('uploads dropped files in chunks in the browser, then previews each by its upload id', async () => {
    const core = browserCore({ 'big.csv': [preview('big.csv')], 'small.csv': [preview('small.csv')] });
    const session = createImportSession({ client: core.client, newJobId: core.jobId });
    session.addFiles([file('big.csv', 2 * UPLOAD_CHUNK_BYTES + 1), file('small.csv')]);
    await settle(session);

    const uploads = core.callsOf('imports.upload');
    expect(uploads.map((u) => [u.fileName, 'uploadId' in u, u.done])).toEqual([
      ['big.csv', false, false],
      ['big.csv', true, false],
      ['big.csv', true, true],
      ['small.csv', false, true],
    ]);
    expect(uploads.map((u) => String(u.chunkBase64).length)).toEqual([1024 * 1024, 1024 * 1024, 4, 16]);
    expect(core.callsOf('imports.preview')).toEqual([
      { jobId: 'job-test-1', sources: [{ type: 'upload', uploadId: hex('big.csv') }], stage: true },
      { jobId: 'job-test-2', sources: [{ type: 'upload', uploadId: hex('small.csv') }], stage: true },
    ]);
    const { entries } = session.getState();
    expect(entries.map((e) => [e.name, e.status.stage])).toEqual([
      ['big.csv', 'checked'],
      ['small.csv', 'checked'],
    ]);
  });

  it('uses the desktop file path when there is one, and uploads a file without a path', async () => {
    const core = browserCore({ '/home/me/orders.csv': [preview('orders.csv')], 'virtual.csv': [preview('virtual.csv')] });
    const pathForFile = (f: { name: string }) => (f.name === 'orders.csv' ? '/home/me/orders.csv' : '');
    const session = createImportSession({ client: core.client, newJobId: core.jobId, pathForFile });
    session.addFiles([file('orders.csv'), file('virtual.csv')]);
    await settle(session);
    expect(core.callsOf('imports.upload').map((u) => u.fileName)).toEqual(['virtual.csv']);
    expect(core.callsOf('imports.preview').map((p) => p.sources)).toEqual([
      [{ type: 'path', path: '/home/me/orders.csv' }],
      [{ type: 'upload', uploadId: hex('virtual.csv') }],
    ]);
  });

  it('checks one file at a time and shows the check’s own progress on its entry', async () => {
    let release = () => {};
    const core = browserCore(
      {},
      {
        'imports.preview': (p) =>
          new Promise((resolve) => {
            release = () => resolve([preview(String(p.jobId))]);
          }),
      },
    );
    const session = createImportSession({ client: core.client, newJobId: core.jobId });
    session.addFiles([file('a.csv'), file('b.csv')]);
    await core.calledTimes('imports.preview', 1);

    const report: ImportProgress = { jobId: 'job-test-1', file: 'a.csv', fileIndex: 0, fileCount: 1, phase: 'importing', bytesDone: 4, bytesTotal: 10, lines: 2 };
    core.emit('imports.progressed', report);
    core.emit('imports.progressed', { ...report, jobId: 'someone-else' });
    expect(session.getState().entries[0]?.status).toEqual({ stage: 'checking', jobId: 'job-test-1', progress: report });
    expect(session.getState().entries[1]?.status.stage).toBe('queued');

    release();
    await core.calledTimes('imports.preview', 2);
    release();
    await settle(session);
  });

  it('marks an entry failed when its preview call fails, and never sends it', async () => {
    const failing = browserCore(
      {},
      {
        'imports.preview': (p) => {
          const [source] = p.sources as ImportSource[];
          if (nameOfSource(source!) === 'lost.csv') throw new AppError('TRANSPORT_CLOSED', 'gone');
          return [preview('ok.csv')];
        },
        'imports.run': () => [],
      },
    );
    const session = createImportSession({ client: failing.client, newJobId: failing.jobId });
    session.addFiles([file('lost.csv'), file('ok.csv')]);
    await settle(session);
    const [lost] = session.getState().entries;
    expect(lost?.status.stage).toBe('failed');
    expect(lost?.status.stage === 'failed' && (lost.status.error as AppError).code).toBe('TRANSPORT_CLOSED');
    await session.start();
    expect(failing.callsOf('imports.run')[0]?.sources).toEqual([{ type: 'upload', uploadId: hex('ok.csv') }]);
  });

  it('stops checking a file the user removes', async () => {
    const core = browserCore({}, { 'imports.preview': () => new Promise(() => {}) });
    const session = createImportSession({ client: core.client, newJobId: core.jobId });
    session.addFiles([file('a.csv')]);
    await until(session, (state) => state.entries[0]?.status.stage === 'checking');
    session.remove(session.getState().entries[0]!.key);
    expect(session.getState().entries).toEqual([]);
    expect(core.callsOf('imports.cancel')).toEqual([{ jobId: 'job-test-1' }]);
    // The uploaded bytes are the user's order data: the core deletes them.
    expect(core.callsOf('imports.discardUpload')).toEqual([{ uploadId: hex('a.csv') }]);
  });

  it('discards a removed file’s upload, never a desktop file read where it is', async () => {
    const core = browserCore({ '/home/me/orders.csv': [preview('orders.csv')], 'virtual.csv': [preview('virtual.csv')] });
    const pathForFile = (f: { name: string }) => (f.name === 'orders.csv' ? '/home/me/orders.csv' : '');
    const session = createImportSession({ client: core.client, newJobId: core.jobId, pathForFile });
    session.addFiles([file('orders.csv'), file('virtual.csv')]);
    await settle(session);
    for (const entry of session.getState().entries) session.remove(entry.key);
    expect(core.callsOf('imports.discardUpload')).toEqual([{ uploadId: hex('virtual.csv') }]);
  });

  it('discards the part already uploaded when the file is removed while it uploads', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const core = browserCore(
      {},
      {
        'imports.upload': async (p) => {
          await gate;
          return { uploadId: hex(String(p.fileName)), bytes: 0 };
        },
      },
    );
    const session = createImportSession({ client: core.client, newJobId: core.jobId });
    session.addFiles([file('big.csv', 2 * UPLOAD_CHUNK_BYTES)]);
    await core.calledTimes('imports.upload', 1);
    session.remove(session.getState().entries[0]!.key);
    release();
    await core.calledTimes('imports.discardUpload', 1);
    expect(core.callsOf('imports.discardUpload')).toEqual([{ uploadId: hex('big.csv') }]);
    expect(core.callsOf('imports.upload')).toHaveLength(1);
    expect(core.callsOf('imports.preview')).toEqual([]);
  });
});

describe('import session: the import', () => {
  async function readySession(extra: Record<string, Handler> = {}) {
    const core = browserCore(
      {
        'orders.csv': [preview('orders.csv')],
        'damaged.csv': [refusal('damaged.csv')],
        'bundle.zip': [refusal('bundle.zip › a.csv', 'IMPORT_UNKNOWN_KIND'), preview('bundle.zip › b.csv', { kind: 'funds' })],
      },
      extra,
    );
    const session = createImportSession({ client: core.client, newJobId: core.jobId });
    session.addFiles([file('orders.csv'), file('damaged.csv'), file('bundle.zip')]);
    await settle(session);
    return { core, session };
  }

  const summaryOf = (p: FilePreview): ImportRunOutcome => ({ ...p, importId: 7, backupId: null });

  it('sends only the files the preview accepted, and shows the summary', async () => {
    const outcomes = [summaryOf(preview('orders.csv')), summaryOf(preview('bundle.zip › b.csv'))];
    const { core, session } = await readySession({ 'imports.run': () => outcomes });
    await session.start();
    expect(core.callsOf('imports.run')).toEqual([
      {
        jobId: 'job-test-4',
        sources: [
          { type: 'upload', uploadId: hex('orders.csv') },
          { type: 'upload', uploadId: hex('bundle.zip') },
        ],
        // Their previews kept what they parsed: the core writes from there instead of reading again.
        previews: ['job-test-1', 'job-test-3'],
      },
    ]);
    expect(session.getState().run).toEqual({ phase: 'finished', outcomes, wasCancelled: false });
  });

  it('discards what the previews kept when the list drops them (remove, reset, new files after the summary)', async () => {
    const { core, session } = await readySession({ 'imports.run': () => [] });
    session.remove(session.getState().entries[0]!.key);
    expect(core.callsOf('imports.discardPreview')).toEqual([{ jobId: 'job-test-1' }]);
    session.reset();
    expect(core.callsOf('imports.discardPreview').map((p) => p.jobId)).toEqual(['job-test-1', 'job-test-2', 'job-test-3']);

    const again = await readySession({ 'imports.run': () => [] });
    await again.session.start();
    expect(again.core.callsOf('imports.discardPreview')).toEqual([]);
    again.session.addFiles([file('orders.csv')]);
    expect(again.core.callsOf('imports.discardPreview').map((p) => p.jobId)).toEqual(['job-test-1', 'job-test-2', 'job-test-3']);
  });

  it('follows the import’s progress reports and refuses new files while it runs', async () => {
    let finish = (_: ImportRunOutcome[]) => {};
    const { core, session } = await readySession({ 'imports.run': () => new Promise((resolve) => (finish = resolve)) });
    const running = session.start();
    const report: ImportProgress = { jobId: 'job-test-4', file: 'orders.csv', fileIndex: 0, fileCount: 2, phase: 'importing', bytesDone: 5, bytesTotal: 10, lines: 3 };
    core.emit('imports.progressed', report);
    core.emit('imports.progressed', { ...report, jobId: 'job-test-1', bytesDone: 9 });
    expect(session.getState().run).toEqual({ phase: 'running', jobId: 'job-test-4', progress: { 0: report }, isCancelling: false });

    expect(session.addFiles([file('late.csv')])).toBe(false);
    session.remove(session.getState().entries[0]!.key);
    session.reset();
    expect(session.getState().entries).toHaveLength(3);

    finish([]);
    await running;
    expect(session.getState().run?.phase).toBe('finished');
  });

  it('cancels through the core and says so when the import stops', async () => {
    let finish = (_: ImportRunOutcome[]) => {};
    const { core, session } = await readySession({ 'imports.run': () => new Promise((resolve) => (finish = resolve)) });
    const running = session.start();
    await session.cancel();
    await session.cancel();
    expect(core.callsOf('imports.cancel')).toEqual([{ jobId: 'job-test-4' }]);
    expect(session.getState().run).toMatchObject({ phase: 'running', isCancelling: true });
    finish([refusal('orders.csv', 'IMPORT_CANCELLED')]);
    await running;
    expect(session.getState().run).toMatchObject({ phase: 'finished', wasCancelled: true });
  });

  it('keeps the failure when the import call itself fails', async () => {
    const { session } = await readySession({
      'imports.run': () => {
        throw new AppError('RECOVERY_MODE', 'no');
      },
    });
    await session.start();
    const run = session.getState().run;
    expect(run?.phase === 'failed' && (run.error as AppError).code).toBe('RECOVERY_MODE');
  });

  it('starts a new session when files are dropped after the summary, and empties on reset', async () => {
    const { session } = await readySession({ 'imports.run': () => [] });
    await session.start();
    expect(session.addFiles([file('orders.csv')])).toBe(true);
    expect(session.getState().run).toBeNull();
    expect(session.getState().entries.map((e) => e.name)).toEqual(['orders.csv']);
    await settle(session);
    session.reset();
    expect(session.getState()).toEqual({ entries: [], run: null });
  });

  it('discards every upload of the list it empties (reset, or new files after the summary)', async () => {
    const { core, session } = await readySession({ 'imports.run': () => [] });
    session.reset();
    expect(core.callsOf('imports.discardUpload').map((p) => p.uploadId)).toEqual([hex('orders.csv'), hex('damaged.csv'), hex('bundle.zip')]);

    const again = await readySession({ 'imports.run': () => [] });
    await again.session.start();
    again.session.addFiles([file('orders.csv')]);
    expect(again.core.callsOf('imports.discardUpload').map((p) => p.uploadId)).toEqual([hex('orders.csv'), hex('damaged.csv'), hex('bundle.zip')]);
  });

  it('does not start before every file is checked, nor with nothing to import', async () => {
    const core = browserCore({ 'damaged.csv': [refusal('damaged.csv')] }, { 'imports.preview': () => new Promise(() => {}) });
    const session = createImportSession({ client: core.client, newJobId: core.jobId });
    session.addFiles([file('damaged.csv')]);
    await session.start();
    expect(core.callsOf('imports.run')).toEqual([]);
  });
});

describe('importableSources', () => {
  const entry = (key: string, status: SessionEntry['status'], source: ImportSource | null = { type: 'path', path: `/${key}` }): SessionEntry => ({
    key,
    name: key,
    size: 1,
    source,
    status,
  });

  it('keeps checked files with at least one accepted part, in order', () => {
    const entries = [
      entry('a', { stage: 'checked', outcomes: [preview('a')], previewId: 'preview-a' }),
      entry('b', { stage: 'checked', outcomes: [refusal('b')], previewId: 'preview-b' }),
      entry('c', { stage: 'failed', error: new Error('x') }),
      entry('d', { stage: 'checked', outcomes: [refusal('d1'), preview('d2', { alreadyImported: true })] }),
      entry('e', { stage: 'checked', outcomes: [] }),
      entry('f', { stage: 'queued' }, null),
    ];
    expect(importableSources(entries)).toEqual([
      { type: 'path', path: '/a' },
      { type: 'path', path: '/d' },
    ]);
    expect(importablePreviews(entries)).toEqual(['preview-a']);
    expect(isSettled(entries)).toBe(false);
    expect(isSettled(entries.slice(0, 5))).toBe(true);
  });
});
