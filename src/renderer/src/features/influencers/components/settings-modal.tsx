import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { InfluencerSettings } from '../../../../../shared/rpc/contract';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { numberOf, textOf, type NumberText } from '../../../shared/ui/number-text';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { INVALIDATES } from '../format';

type SettingsForm = Record<keyof InfluencerSettings, NumberText>;
const KEYS = ['dailyGoal', 'unsignedDays', 'contentDueDays', 'noContentFlagDays'] as const;

/** The daily goal (DOMAIN.md: at least 10) and the sample rules' days, all editable. */
export function SettingsModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = useFormSubmit();
  const [form] = Form.useForm<SettingsForm>();
  const settings = useRpcQuery('influencers.settings', {});
  const update = useRpcMutation('influencers.updateSettings', { invalidates: { methods: [...INVALIDATES.methods, 'influencers.settings', 'routine.today', 'routine.status'] } });
  useEffect(() => {
    if (open && settings.data) form.setFieldsValue(Object.fromEntries(KEYS.map((k) => [k, textOf(settings.data?.[k])])) as SettingsForm);
  }, [open, settings.data, form]);
  const save = async () => {
    const v = form.getFieldsValue(true) as Partial<SettingsForm>;
    const params = Object.fromEntries(KEYS.map((k) => [k, numberOf(v[k]) ?? Number.NaN]));
    const done = await submit({ form, method: 'influencers.updateSettings', params, run: (p) => update.mutate(p) });
    if (!done) return;
    void message.success(t('influencers.settingsForm.saved'));
    onClose();
  };
  return (
    <Modal open={open} title={t('influencers.settingsForm.title')} onCancel={onClose} onOk={() => void save()} okText={t('influencers.settingsForm.save')} confirmLoading={update.isPending}>
      <Form form={form} name="influencer-settings" layout="vertical">
        {KEYS.map((k) => (
          <Form.Item key={k} name={k} label={t(`influencers.settingsForm.${k}`)}>
            <Input inputMode="numeric" style={{ width: 160 }} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
