import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Form, Input, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { blockTitle, checklistText } from '../../../../../shared/domain/routine-defaults';
import type { DefinitionBlock } from '../../../../../shared/rpc/domains/routine';
import { lengthCount } from '../../../shared/ui/length-count';
import type { NumberText } from '../../../shared/ui/number-text';
import { useLocale } from '../../../shared/ui/use-locale';

export type BlockForm = { title: string; targetMinutes: NumberText; weekdays: number[]; checklist: { id?: number; text: string }[] };

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * Add or edit one block: name, target, weekdays and checklist (in order). Each checklist row keeps
 * its item id in a hidden field, so the id is a form value however the form is read: antd's
 * validateFields hands back only registered fields, which made every item new and lost today's
 * ticks (issue 10).
 */
export function BlockEditor({ block, open, onSave, onCancel, isBusy }: { block: DefinitionBlock | null; open: boolean; onSave(form: FormInstance<BlockForm>): void; onCancel(): void; isBusy: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<BlockForm>();
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      block
        ? { title: blockTitle(block, locale), targetMinutes: String(block.targetMinutes), weekdays: block.weekdays, checklist: block.checklist.map((i) => ({ id: i.id, text: checklistText(i, locale) })) }
        : { title: '', targetMinutes: '30', weekdays: [...DAYS], checklist: [] },
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
      onOk={() => onSave(form)}
      destroyOnHidden
    >
      <Form form={form} name="block" layout="vertical" requiredMark={false}>
        <Form.Item name="title" label={t('today.plan.name')}>
          <Input count={lengthCount('blockTitle')} />
        </Form.Item>
        <Form.Item name="targetMinutes" label={t('today.plan.targetMinutes')}>
          <Input inputMode="numeric" style={{ width: 160 }} />
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
                  <Form.Item name={[field.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'text']} style={{ flex: 1, marginBottom: 0 }}>
                    <Input count={lengthCount('checklistText')} placeholder={t('today.plan.checklistPlaceholder')} />
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
