import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { extractLink } from '../../../../../shared/domain/product-link';
import { useRpcMutation } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';

const INVALIDATES = { methods: ['products.list', 'sourcing.quota'] } as const;

/**
 * Quick capture from anywhere in the app: a link pasted (Ctrl+V) while no text field has the
 * focus becomes a candidate, with its price when the share text has one. Pastes into fields,
 * dialogs and drawers are left alone, and so are pasted files.
 */
export function QuickCaptureLayer() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const capture = useRpcMutation('products.capture', { invalidates: INVALIDATES });
  const latest = useRef({ capture, message, showError, t });
  useEffect(() => {
    latest.current = { capture, message, showError, t };
  });

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], .ant-modal, .ant-drawer')) return;
      if ((event.clipboardData?.files.length ?? 0) > 0) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (extractLink(text) === null) return;
      event.preventDefault();
      const { capture: run, message: toast, showError: fail, t: tr } = latest.current;
      // Sent whole: a paste past the limit is refused with its reason, never cut to fit.
      run.mutate({ text }).then((result) => {
        void toast.success(tr('sourcing.capture.added', { title: result.product.title }));
        if (result.duplicates.length > 0) void toast.warning(tr('sourcing.capture.duplicate', { titles: result.duplicates.map((d) => `#${d.id} ${d.title}`).join('、') }), 6);
      }, fail);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);
  return null;
}
