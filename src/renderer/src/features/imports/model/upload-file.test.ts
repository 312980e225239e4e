import { describe, expect, it } from 'vitest';
import { UPLOAD_CHUNK_BYTES } from './upload-chunks';
import { uploadFile } from './upload-file';

/** A core that records upload chunks and answers with one id. */
function recordingClient() {
  const chunks: { uploadId?: string; fileName: string; chunkBase64: string; done: boolean }[] = [];
  const discarded: unknown[] = [];
  const client = {
    call: async (method: string, params: (typeof chunks)[number]) => {
      if (method === 'imports.discardUpload') return discarded.push(params);
      chunks.push(params);
      return { uploadId: 'f'.repeat(32), bytes: 0 };
    },
  };
  return { chunks, discarded, client: client as unknown as Parameters<typeof uploadFile>[0] };
}

describe('uploadFile', () => {
  it('sends the bytes in order, reports progress and answers the upload id', async () => {
    const bytes = new Uint8Array(UPLOAD_CHUNK_BYTES + 5).map((_, i) => i % 251);
    const { chunks, client } = recordingClient();
    const sent: number[] = [];
    const id = await uploadFile(client, new File([bytes], '订单.csv'), { onProgress: (n) => sent.push(n) });
    expect(id).toBe('f'.repeat(32));
    expect(sent).toEqual([UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES + 5]);
    expect(chunks.map((c) => [c.fileName, c.uploadId, c.done])).toEqual([
      ['订单.csv', undefined, false],
      ['订单.csv', 'f'.repeat(32), true],
    ]);
    const joined = Buffer.concat(chunks.map((c) => Buffer.from(c.chunkBase64, 'base64')));
    expect(joined.equals(Buffer.from(bytes))).toBe(true);
  });

  it('sends an empty file as one empty last chunk', async () => {
    const { chunks, client } = recordingClient();
    expect(await uploadFile(client, new File([], 'empty.csv'))).toBe('f'.repeat(32));
    expect(chunks).toEqual([{ fileName: 'empty.csv', chunkBase64: '', done: true }]);
  });

  it('stops between chunks when aborted, and has the part already sent discarded', async () => {
    const { chunks, discarded, client } = recordingClient();
    let calls = 0;
    const id = await uploadFile(client, new File([new Uint8Array(UPLOAD_CHUNK_BYTES * 3)], 'a.csv'), { isAborted: () => ++calls > 1 });
    expect(id).toBeNull();
    expect(chunks).toHaveLength(1);
    expect(discarded).toEqual([{ uploadId: 'f'.repeat(32) }]);
  });
});
