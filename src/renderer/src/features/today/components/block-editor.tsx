import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { blockTitle, checklistText } from '../../../../../shared/domain/routine-defaults';
import type { DefinitionBlock } from '../../../../../shared/rpc/domains/routine';
import { useLocale } from '../../../shared/ui/use-locale';

export type BlockForm = { title: string; targetMinutes: number; weekdays: number[]; checklist: { id?: number; text: string }[] };

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Add or edit one block: name, target, weekdays and checklist (in order). */
export function BlockEditor({ block, open, onSave, onCancel, isBusy }: { block: DefinitionBlock | null; open: boolean; onSave(form: BlockForm): void; onCancel(): void; isBusy: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<BlockForm>();
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      block
        ? { title: blockTitle(block, locale), targetMinutes: block.targetMinutes, weekdays: block.weekdays, checklist: block.checklist.map((i) => ({ id: i.id, text: checklistText(i, locale) })) }
        : { title: '', targetMinutes: 30, weekdays: [...DAYS], checklist: [] },
    );
  }, [open, block, form, locale]);

  return (
    <Modal
      open={open}
      title={block ? t('today.plan.modalEdit') : t('today.plan.modalAdd')}
      okText={t('today.plan.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
      onCancel={onCancel}
      onOk={() => void form.validateFields().then(onSave, () => undefined)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="title" label={t('today.plan.name')} rules={[{ required: true, whitespace: true, max: 40 }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="targetMinutes" label={t('today.plan.targetMinutes')} rules={[{ required: true, type: 'integer', min: 1, max: 600 }]}>
          <InputNumber min={1} max={600} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="weekdays" label={t('today.plan.weekdays')}>
          <Checkbox.Group options={DAYS.map((d) => ({ value: d, label: t(`today.plan.weekday.d${d}`) }))} />
        </Form.Item>
        <Form.List name="checklist">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              <span>{t('today.plan.checklist')}</span>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item name={[field.name, 'text']} rules={[{ required: true, whitespace: true, max: 120 }]} style={{ flex: 1, marginBottom: 0 }}>
                    <Input maxLength={120} placeholder={t('today.plan.checklistPlaceholder')} />
                  </Form.Item>
                  <Button aria-label={t('today.plan.remove')} icon={<DeleteOutlined aria-hidden />} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ text: '' })} disabled={fields.length >= 30}>
                {t('today.plan.checklistAdd')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
