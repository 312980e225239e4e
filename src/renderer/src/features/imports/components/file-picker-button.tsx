import { UploadOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { useRef } from 'react';

/**
 * A button that opens the system file picker for one or more files. No `accept` filter: exports
 * are often renamed or lack an extension, and on macOS a filter greys out such files. The core
 * recognises each file by its content and explains the ones it cannot take.
 */
export function FilePickerButton({ label, onFiles, type }: { label: string; onFiles: (files: File[]) => void; type?: ButtonProps['type'] }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label={label}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Cleared so that picking the same file again is a change too.
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      <Button type={type} icon={<UploadOutlined aria-hidden />} onClick={() => input.current?.click()}>
        {label}
      </Button>
    </>
  );
}
