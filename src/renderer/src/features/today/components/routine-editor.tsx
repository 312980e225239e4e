import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, List, Popconfirm, Skeleton, Space, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { blockTitle } from '../../../../../shared/domain/routine-defaults';
import type { DefinitionBlock } from '../../../../../shared/rpc/domains/routine';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { SectionCard } from '../../../shared/ui/section-card';
import { useShowError } from '../../../shared/ui/error-message';
import { useLocale } from '../../../shared/ui/use-locale';
import { numberOf, textOf, type NumberText } from '../../../shared/ui/number-text';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { formatHoursMinutes, weekdaysText } from '../model';
import { BlockEditor, type BlockForm } from './block-editor';

const AFFECTED = { methods: ['routine.definition', 'routine.today', 'routine.status', 'routine.history'] } as const;

/** The editable routine: blocks in order with target, weekdays and checklist; streak and idle settings. */
export function RoutineEditor() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const showError = useShowError();
  const definition = useRpcQuery('routine.definition', {}, { refetchOn: ['routine.changed'] });
  const save = useRpcMutation('routine.saveBlock', { invalidates: AFFECTED });
  const remove = useRpcMutation('routine.removeBlock', { invalidates: AFFECTED });
  const reorder = useRpcMutation('routine.reorder', { invalidates: AFFECTED });
  const settings = useRpcMutation('routine.updateSettings', { invalidates: AFFECTED });
  const submit = useFormSubmit();
  const [settingsForm] = Form.useForm<{ allowedMissesPerWeek: NumberText; idleMinutes: NumberText }>();
  const [editing, setEditing] = useState<DefinitionBlock | 'new' | null>(null);
  const blocks = definition.data?.blocks ?? [];
  const units = { h: t('today.units.h'), min: t('today.units.min') };
  const names = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, t(`today.plan.weekday.d${d}` as 'today.plan.weekday.d1')]));

  const run = (work: Promise<unknown>) =>
    work.then(
      () => void message.success(t('today.saved')),
      (error: unknown) => showError(error),
    );
  const move = (index: number, by: -1 | 1) => {
    const keys = blocks.map((b) => b.key);
    const [key] = keys.splice(index, 1);
    if (key === undefined) return;
    keys.splice(index + by, 0, key);
    void run(reorder.mutate({ keys }));
  };
  const onSave = async (form: FormInstance<BlockForm>) => {
    const key = editing !== 'new' && editing !== null ? editing.key : undefined;
    const v = form.getFieldsValue(true) as BlockForm;
    const checklist = (v.checklist ?? []).map((i) => (i.id ? { id: Number(i.id), text: i.text ?? '' } : { text: i.text ?? '' }));
    const params = { ...(key ? { key } : {}), title: v.title ?? '', targetMinutes: numberOf(v.targetMinutes), weekdays: v.weekdays ?? [], checklist };
    if (await submit({ form, method: 'routine.saveBlock', params, run: (p) => save.mutate(p) })) {
      void message.success(t('today.saved'));
      setEditing(null);
    }
  };
  const onSettings = async () => {
    const v = settingsForm.getFieldsValue(true) as { allowedMissesPerWeek: NumberText; idleMinutes: NumberText };
    const params = { allowedMissesPerWeek: numberOf(v.allowedMissesPerWeek) ?? null, idleMinutes: numberOf(v.idleMinutes) ?? null };
    if (await submit({ form: settingsForm, method: 'routine.updateSettings', params, run: (p) => settings.mutate(p) })) void message.success(t('today.saved'));
  };

  if (!definition.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const total = blocks.filter((b) => b.weekdays.length > 0).reduce((sum, b) => sum + b.targetMinutes, 0);

  return (
    <Flex vertical gap={16}>
      <SectionCard
        title={t('today.plan.title')}
        description={t('today.plan.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('today.plan.add')}
          </Button>
        }
      >
        <List
          dataSource={blocks}
          footer={<Typography.Text type="secondary">{t('today.plan.total', { time: formatHoursMinutes(total, units) })}</Typography.Text>}
          renderItem={(block, index) => (
            <List.Item
              key={block.key}
              actions={[
                <Button key="up" size="small" aria-label={t('today.plan.moveUp')} icon={<ArrowUpOutlined aria-hidden />} disabled={index === 0} onClick={() => move(index, -1)} />,
                <Button key="down" size="small" aria-label={t('today.plan.moveDown')} icon={<ArrowDownOutlined aria-hidden />} disabled={index === blocks.length - 1} onClick={() => move(index, 1)} />,
                <Button key="edit" size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(block)}>
                  {t('today.plan.edit')}
                </Button>,
                <Popconfirm key="remove" title={t('today.plan.removeConfirm', { title: blockTitle(block, locale) })} onConfirm={() => void run(remove.mutate({ key: block.key }))} okText={t('today.plan.remove')} cancelText={t('common.cancel')}>
                  <Button size="small" danger aria-label={t('today.plan.remove')} icon={<DeleteOutlined aria-hidden />} />
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={blockTitle(block, locale)}
                description={
                  <Space split="·" wrap>
                    <span>{t('today.plan.minutes', { count: block.targetMinutes })}</span>
                    <span>{weekdaysText(block.weekdays, names, t('today.plan.weekdaysAll'), t('today.plan.weekdaysNone'), locale === 'zh-CN' ? '、' : ', ')}</span>
                    <span>{t('today.plan.checklistItems', { count: block.checklist.length })}</span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </SectionCard>
      <SectionCard title={t('today.plan.settingsTitle')}>
        <Form
          form={settingsForm}
          name="routineSettings"
          layout="vertical"
          style={{ maxWidth: 420 }}
          key={JSON.stringify(definition.data.settings)}
          initialValues={{ allowedMissesPerWeek: textOf(definition.data.settings.allowedMissesPerWeek), idleMinutes: textOf(definition.data.settings.idleMinutes) }}
          onFinish={() => void onSettings()}
        >
          <Form.Item name="allowedMissesPerWeek" label={t('today.plan.allowedMisses')}>
            <Input inputMode="numeric" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="idleMinutes" label={t('today.plan.idleMinutes')}>
            <Input inputMode="numeric" style={{ width: 160 }} />
          </Form.Item>
          <Button htmlType="submit" loading={settings.isPending}>
            {t('today.plan.save')}
          </Button>
        </Form>
      </SectionCard>
      <BlockEditor block={editing === 'new' ? null : editing} open={editing !== null} isBusy={save.isPending} onCancel={() => setEditing(null)} onSave={(form) => void onSave(form)} />
    </Flex>
  );
}
