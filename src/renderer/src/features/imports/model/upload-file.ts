import type { RpcClient } from '../../../../../shared/rpc/client';
import { bytesToBase64, chunkRanges, uploadFileName } from './upload-chunks';

/** A dropped or picked file, as far as uploading needs it (a DOM File, or a Blob with a name in tests). */
export type UploadableFile = Pick<Blob, 'size' | 'slice'> & { name: string };

export type UploadOptions = {
  /** Bytes sent so far, after each chunk. */
  onProgress?(sentBytes: number): void;
  /** Checked between chunks: true stops the upload, and the part already sent is discarded. */
  isAborted?(): boolean;
};

/**
 * Sends a file's bytes to the core in chunks (the browser harness has no file paths) and answers
 * the upload id to import it by, or null when aborted part-way.
 */
export async function uploadFile(client: Pick<RpcClient, 'call'>, file: UploadableFile, options: UploadOptions = {}): Promise<string | null> {
  const fileName = uploadFileName(file.name);
  let uploadId: string | undefined;
  for (const range of chunkRanges(file.size)) {
    if (options.isAborted?.()) {
      // The part already sent is the user's order data: it does not stay in the data folder.
      if (uploadId !== undefined) await client.call('imports.discardUpload', { uploadId }).catch(() => undefined);
      return null;
    }
    const bytes = new Uint8Array(await file.slice(range.start, range.end).arrayBuffer());
    const answer = await client.call('imports.upload', {
      ...(uploadId === undefined ? {} : { uploadId }),
      fileName,
      chunkBase64: bytesToBase64(bytes),
      done: range.isLast,
    });
    uploadId = answer.uploadId;
    options.onProgress?.(range.end);
  }
  // chunkRanges always yields at least one range, so the core has answered with an id.
  return uploadId ?? null;
}
