import { PictureOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import type { ClipboardEvent } from 'react';

// The core's rule for stored images (payment proofs, after-sales evidence): 4 MiB, PNG/JPEG/GIF/WebP by their bytes.
const MAX_IMAGE_BYTES = 4 * 1024 * 1024;

/** Checked before a file is read, so a 20 MB photo is refused at once; the core checks the bytes again. */
export const isStorableImage = (file: Blob): boolean => file.size <= MAX_IMAGE_BYTES && /^image\/(png|jpeg|gif|webp)$/.test(file.type);

/** A paste handler for a box: pasted files go to `upload`; a paste without files is left to the page. */
export const pasteImagesTo =
  (upload: (file: File) => unknown) =>
  (e: ClipboardEvent): void => {
    const files = [...e.clipboardData.files];
    if (files.length === 0) return;
    e.preventDefault();
    for (const f of files) void upload(f);
  };

/** Drop or choose images (several at once); each goes to `upload`, nothing is sent by antd itself. */
export function ImageDropZone({ hint, width, upload }: { hint: string; width: number; upload(file: File): unknown }) {
  return (
    <Upload.Dragger
      accept="image/png,image/jpeg,image/gif,image/webp"
      multiple
      showUploadList={false}
      beforeUpload={(file) => {
        void upload(file);
        return false;
      }}
      style={{ width }}
    >
      <PictureOutlined aria-hidden /> <span style={{ fontSize: 12 }}>{hint}</span>
    </Upload.Dragger>
  );
}
