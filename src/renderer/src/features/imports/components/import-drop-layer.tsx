import { InboxOutlined } from '@ant-design/icons';
import { App, Flex, Typography, theme } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hashForScreen } from '../../../app/hash-route';
import { useAddFiles } from '../hooks/use-add-files';
import { carriesFiles, droppedFiles } from '../model/dropped-files';

/** The import screen's route id (see app/screens.tsx). */
export const IMPORTS_SCREEN_ID = 'imports';

/**
 * Makes the whole window a drop target for files: while files are dragged over it a full-window
 * hint says “drop to import”; a drop hands them to the import session and opens the import
 * screen. Mounted once by the shell, so it works from every screen. Without it the browser (or
 * Electron) would open a dropped file in place of the app.
 */
export function ImportDropLayer() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const addFiles = useAddFiles();
  const [isOver, setOver] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed; the count is zero once the drag left the window.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      depth++;
      setOver(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onEnd = () => {
      depth = 0;
      setOver(false);
    };
    const onDrop = (event: DragEvent) => {
      onEnd();
      if (!event.dataTransfer || !carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      const { files, folders } = droppedFiles(event.dataTransfer);
      if (folders > 0) void message.warning(t('imports.drop.folder'));
      if (addFiles(files)) window.location.hash = hashForScreen(IMPORTS_SCREEN_ID);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragend', onEnd);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragend', onEnd);
      window.removeEventListener('drop', onDrop);
    };
  }, [addFiles, message, t]);

  if (!isOver) return null;
  return (
    <Flex
      align="center"
      justify="center"
      data-testid="import-drop-layer"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 2000,
        // Events go to the page below, so the drag counting above stays right.
        pointerEvents: 'none',
        background: token.colorBgMask,
        padding: 24,
      }}
    >
      <Flex
        vertical
        align="center"
        gap={8}
        style={{
          width: 'min(560px, 100%)',
          padding: '48px 32px',
          borderRadius: token.borderRadiusLG,
          border: `2px dashed ${token.colorPrimary}`,
          background: token.colorBgElevated,
          boxShadow: token.boxShadow,
          textAlign: 'center',
        }}
      >
        <InboxOutlined aria-hidden style={{ fontSize: 56, color: token.colorPrimary }} />
        <Typography.Text strong style={{ fontSize: 22 }}>
          {t('imports.drop.title')}
        </Typography.Text>
        <Typography.Text type="secondary">{t('imports.drop.hint')}</Typography.Text>
      </Flex>
    </Flex>
  );
}
