import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * Files dropped in the browser harness are uploaded into `<dataDir>/uploads/`. They are the user's
 * order data (buyers' names, phones, addresses), so none stays there longer than it is needed.
 */
const tempDir = useTempDirs();
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/douyin/${name}`, import.meta.url));
let jobs = 0;
const jobId = () => `upload-job-${++jobs}`;
const uploadsOf = (dataDir: string) => (existsSync(join(dataDir, 'uploads')) ? readdirSync(join(dataDir, 'uploads')).sort() : []);

async function upload(core: Core, path: string, fileName: string): Promise<string> {
  const { uploadId } = await core.call('imports.upload', { fileName, chunkBase64: readFileSync(path).toString('base64'), done: true });
  return uploadId;
}

async function started() {
  const dataDir = tempDir();
  const core = await createCore({ dataDir, log: silentLogger, reminderCheckSeconds: 0 });
  return { dataDir, core };
}

describe('uploads/ holds no order data longer than needed', () => {
  it('a file the preview refuses is deleted at once (nothing in it can be imported)', async () => {
    const { dataDir, core } = await started();
    const uploadId = await upload(core, fixture('image.png'), 'photo.png');
    expect(uploadsOf(dataDir)).toHaveLength(2);
    const [outcome] = await core.call('imports.preview', { sources: [{ type: 'upload', uploadId }] });
    expect(outcome).toMatchObject({ refused: true });
    expect(uploadsOf(dataDir)).toEqual([]);
    await core.close();
  });

  it('a file the preview accepts stays for the import; one the window drops is deleted', async () => {
    const { dataDir, core } = await started();
    const uploadId = await upload(core, fixture('orders-a.csv'), 'orders-a.csv');
    const [outcome] = await core.call('imports.preview', { sources: [{ type: 'upload', uploadId }] });
    expect(outcome).toMatchObject({ refused: false });
    expect(uploadsOf(dataDir)).toEqual([`${uploadId}.data`, `${uploadId}.json`]);
    expect(await core.call('imports.discardUpload', { uploadId })).toEqual({ removed: true });
    expect(uploadsOf(dataDir)).toEqual([]);
    expect(await core.call('imports.discardUpload', { uploadId })).toEqual({ removed: false });
    await expect(core.call('imports.run', { jobId: jobId(), sources: [{ type: 'upload', uploadId }] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await core.close();
  });

  it('an upload stopped part-way can be discarded too', async () => {
    const { dataDir, core } = await started();
    const bytes = readFileSync(fixture('orders-a.csv'));
    const { uploadId } = await core.call('imports.upload', { fileName: 'orders-a.csv', chunkBase64: bytes.subarray(0, 100).toString('base64'), done: false });
    expect(await core.call('imports.discardUpload', { uploadId })).toEqual({ removed: true });
    expect(uploadsOf(dataDir)).toEqual([]);
    await core.close();
  });

  it('refuses an upload id that is not one (never a path)', async () => {
    const { core } = await started();
    await expect(core.call('imports.discardUpload', { uploadId: '../shopdesk.sqlite' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await core.close();
  });

  it('whatever an earlier run left (a crash, a closed tab) is deleted when the core starts', async () => {
    const dataDir = tempDir();
    const uploads = join(dataDir, 'uploads');
    mkdirSync(uploads, { recursive: true });
    const left = 'ab'.repeat(16);
    writeFileSync(join(uploads, `${left}.data`), '主订单编号,收件人,收件人手机号\n6938412705519823461,王小明,13912345678\n');
    writeFileSync(join(uploads, `${left}.json`), JSON.stringify({ fileName: 'orders.csv', done: false }));
    const core = await createCore({ dataDir, log: silentLogger, reminderCheckSeconds: 0 });
    expect(uploadsOf(dataDir)).toEqual([]);
    await expect(core.call('imports.preview', { sources: [{ type: 'upload', uploadId: left }] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await core.close();
  });
});
