import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsGranularity } from '../../../../../shared/rpc/domains/analytics';
import { useRpcMutation } from '../../../app/use-rpc';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';

const INVALIDATES = { methods: ['analytics.volume'] } as const;

/** The note of one period ("直播带货"): typed, checked by the contract, saved, shown on the chart. */
export function NoteEditor({ granularity, period, text, onClose }: { granularity: AnalyticsGranularity; period: string | null; text: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = useFormSubmit();
  const [form] = Form.useForm<{ text: string }>();
  const save = useRpcMutation('analytics.setNote', { invalidates: INVALIDATES });
  const remove = useRpcMutation('analytics.removeNote', { invalidates: INVALIDATES });
  useEffect(() => form.setFieldsValue({ text: text ?? '' }), [form, text, period]);
  if (period === null) return null;
  const onSave = async () => {
    const params = { granularity, date: period, text: (form.getFieldValue('text') as string | undefined) ?? '' };
    const saved = await submit({ form, method: 'analytics.setNote', params, run: (p) => save.mutate(p), fieldOf: (path) => (path[0] === 'text' ? ['text'] : null) });
    if (saved) {
      void message.success(t('analytics.volume.noteSaved'));
      onClose();
    }
  };
  return (
    <Modal
      open
      title={`${text === null ? t('analytics.volume.addNote') : t('analytics.volume.editNote')} · ${period}`}
      onCancel={onClose}
      footer={
        <Space>
          {text !== null && (
            <Button
              danger
              loading={remove.isPending}
              onClick={() =>
                void remove.mutate({ granularity, date: period }).then(() => {
                  void message.success(t('analytics.volume.noteRemoved'));
                  onClose();
                })
              }
            >
              {t('analytics.volume.removeNote')}
            </Button>
          )}
          <Button type="primary" loading={save.isPending} onClick={() => void onSave()}>
            {t('analytics.volume.saveNote')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={() => void onSave()}>
        <Form.Item name="text" label={t('analytics.volume.note')}>
          <Input placeholder={t('analytics.volume.notePlaceholder')} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
