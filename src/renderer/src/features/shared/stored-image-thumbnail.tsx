import { DeleteOutlined } from '@ant-design/icons';
import { Button, Image } from 'antd';
import { useEffect, useRef, useState } from 'react';

type StoredImage = { mime: string; dataBase64: string };

/**
 * An image the core keeps as a BLOB (a purchase's payment proof, an after-sales case's evidence),
 * loaded once by `load` and scaled with CSS (the core keeps only the original), with a remove button.
 * `imageKey` names the stored image: a new key loads again.
 */
export function StoredImageThumbnail(props: { imageKey: number; load(): Promise<StoredImage>; alt: string; removeLabel: string; testId: string; onRemove(): void }) {
  const { imageKey, load, alt, removeLabel, testId, onRemove } = props;
  const [src, setSrc] = useState<string | null>(null);
  // `load` is a new function each render; the image is the same while its key is.
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    loadRef.current().then((f) => live && setSrc(`data:${f.mime};base64,${f.dataBase64}`), () => undefined);
    return () => {
      live = false;
    };
  }, [imageKey]);
  return (
    <div style={{ position: 'relative', width: 88, height: 88 }} data-testid={testId}>
      {src && <Image src={src} alt={alt} width={88} height={88} style={{ objectFit: 'cover', borderRadius: 6 }} />}
      <Button size="small" shape="circle" icon={<DeleteOutlined aria-hidden />} aria-label={removeLabel} onClick={onRemove} style={{ position: 'absolute', top: 2, right: 2 }} />
    </div>
  );
}
