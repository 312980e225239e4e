import { App, Button, Col, Flex, Form, Input, List, Row, Select, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACEHOLDERS } from '../../../../../shared/domain/aftersale-templates';
import { AFTERSALE_TYPES, type AftersaleType } from '../../../../../shared/domain/aftersale-type';
import type { TemplateEntry } from '../../../../../shared/rpc/contract';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { numberOf } from '../../../shared/ui/number-text';
import { SectionCard } from '../../../shared/ui/section-card';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { useCauseName } from './close-case-form';

const REFETCH = ['aftersales.changed'] as const;

function LeadHoursCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ leadHours: string }>();
  const submit = useFormSubmit();
  const settings = useRpcQuery('aftersales.settings', {}, { refetchOn: REFETCH });
  const update = useRpcMutation('aftersales.updateSettings', { invalidates: { methods: ['aftersales.settings', 'aftersales.list'] } });
  useEffect(() => {
    if (settings.data) form.setFieldsValue({ leadHours: String(settings.data.leadHours) });
  }, [form, settings.data]);
  const save = async () => {
    const done = await submit({ form, method: 'aftersales.updateSettings', params: { leadHours: numberOf(form.getFieldValue('leadHours') as string) ?? null }, run: (p) => update.mutate(p) });
    if (done) void message.success(t('aftersales.drawer.saved'));
  };
  return (
    <SectionCard title={t('aftersales.settings.lead')} description={t('aftersales.settings.leadHelp')}>
      <Form form={form} layout="inline" name="aftersale-lead" onFinish={() => void save()}>
        <Form.Item name="leadHours" label={t('aftersales.settings.leadHours')}>
          <Input inputMode="numeric" style={{ width: 100 }} />
        </Form.Item>
        <Button htmlType="submit" loading={update.isPending}>
          {t('aftersales.drawer.save')}
        </Button>
      </Form>
    </SectionCard>
  );
}

function TemplateEditor({ entry }: { entry: TemplateEntry }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ body: string }>();
  const submit = useFormSubmit();
  const save = useRpcMutation('aftersales.saveTemplate', { invalidates: { methods: ['aftersales.templates'] } });
  const reset = useRpcMutation('aftersales.resetTemplate', { invalidates: { methods: ['aftersales.templates'] } });
  const showError = useShowError();
  useEffect(() => form.setFieldsValue({ body: entry.body }), [form, entry.body]);
  const onSave = async () => {
    const done = await submit({ form, method: 'aftersales.saveTemplate', params: { key: entry.key, body: (form.getFieldValue('body') as string) ?? '' }, run: (p) => save.mutate(p) });
    if (done) void message.success(t('aftersales.drawer.saved'));
  };
  return (
    <Form form={form} layout="vertical" name={`template-${entry.key}`} onFinish={() => void onSave()}>
      <Form.Item
        name="body"
        label={
          <Space>
            {t(`aftersales.templates.${entry.key}`)}
            {!entry.isDefault && <Tag color="blue">{t('aftersales.settings.edited')}</Tag>}
          </Space>
        }
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Space>
        <Button htmlType="submit" loading={save.isPending}>
          {t('aftersales.drawer.save')}
        </Button>
        {!entry.isDefault && (
          <Button type="link" onClick={() => void reset.mutate({ key: entry.key }).catch(showError)}>
            {t('aftersales.settings.reset')}
          </Button>
        )}
      </Space>
    </Form>
  );
}

function VocabularyCard() {
  const { t } = useTranslation();
  const showError = useShowError();
  const [form] = Form.useForm<{ text: string; type: AftersaleType | undefined }>();
  const submit = useFormSubmit();
  const vocab = useRpcQuery('aftersales.vocabulary', {}, { refetchOn: REFETCH });
  const INV = { methods: ['aftersales.vocabulary', 'aftersales.list'] } as const;
  const set = useRpcMutation('aftersales.setMapping', { invalidates: INV });
  const remove = useRpcMutation('aftersales.removeMapping', { invalidates: INV });
  const add = async () => {
    const v = form.getFieldsValue();
    const done = await submit({ form, method: 'aftersales.setMapping', params: { text: v.text ?? '', type: v.type as AftersaleType }, run: (p) => set.mutate(p) });
    if (done) form.resetFields();
  };
  const typeOptions = AFTERSALE_TYPES.map((k) => ({ value: k, label: t(`aftersales.types.${k}`) }));
  return (
    <SectionCard title={t('aftersales.settings.vocabulary')} description={t('aftersales.settings.vocabularyHelp')}>
      {(vocab.data?.unmapped ?? []).map((u) => (
        <Flex key={u.text} gap={8} align="center" style={{ marginBottom: 8 }}>
          <Tag color="warning">{t('aftersales.settings.unmapped', { text: u.text, count: u.cases })}</Tag>
          <Select aria-label={`${t('aftersales.settings.type')} ${u.text}`} style={{ width: 180 }} placeholder={t('aftersales.settings.type')} options={typeOptions} onChange={(type: AftersaleType) => void set.mutate({ text: u.text, type }).catch(showError)} />
        </Flex>
      ))}
      <List
        size="small"
        dataSource={vocab.data?.entries ?? []}
        renderItem={(e) => (
          <List.Item actions={e.builtin ? [] : [<Button key="rm" type="link" size="small" onClick={() => void remove.mutate({ text: e.text }).catch(showError)}>{t('aftersales.settings.removeMapping')}</Button>]}>
            <Typography.Text>「{e.text}」 → {t(`aftersales.types.${e.type}`)}</Typography.Text>
            {e.builtin && <Tag style={{ marginLeft: 8 }}>{t('aftersales.settings.builtin')}</Tag>}
          </List.Item>
        )}
      />
      <Form form={form} layout="inline" name="aftersale-mapping" onFinish={() => void add()} style={{ marginTop: 8, rowGap: 8 }}>
        <Form.Item name="text" label={t('aftersales.settings.text')}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="type" label={t('aftersales.settings.type')} rules={[{ required: true, message: t('aftersales.settings.type') }]}>
          <Select style={{ width: 180 }} options={typeOptions} />
        </Form.Item>
        <Button htmlType="submit" loading={set.isPending}>
          {t('aftersales.settings.addMapping')}
        </Button>
      </Form>
    </SectionCard>
  );
}

function CausesCard() {
  const { t } = useTranslation();
  const showError = useShowError();
  const [form] = Form.useForm<{ name: string }>();
  const submit = useFormSubmit();
  const causes = useRpcQuery('aftersales.causes', {}, { refetchOn: REFETCH });
  const INV = { methods: ['aftersales.causes'] } as const;
  const add = useRpcMutation('aftersales.addCause', { invalidates: INV });
  const remove = useRpcMutation('aftersales.removeCause', { invalidates: INV });
  const causeName = useCauseName();
  const onAdd = async () => {
    const done = await submit({ form, method: 'aftersales.addCause', params: { name: (form.getFieldValue('name') as string) ?? '' }, run: (p) => add.mutate(p) });
    if (done) form.resetFields();
  };
  return (
    <SectionCard title={t('aftersales.settings.causes')}>
      <Flex gap={6} wrap style={{ marginBottom: 12 }}>
        {(causes.data ?? []).map((c) => (
          <Tag key={c.id} closable onClose={(e) => { e.preventDefault(); void remove.mutate({ id: c.id }).catch(showError); }} closeIcon={<span aria-label={`${t('aftersales.settings.removeCause')} ${causeName(c)}`}>×</span>}>
            {causeName(c)}
          </Tag>
        ))}
      </Flex>
      <Form form={form} layout="inline" name="aftersale-cause" onFinish={() => void onAdd()}>
        <Form.Item name="name">
          <Input placeholder={t('aftersales.settings.causePlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Button htmlType="submit" loading={add.isPending}>
          {t('aftersales.settings.addCause')}
        </Button>
      </Form>
    </SectionCard>
  );
}

/** Templates, type vocabulary, causes and the reminder lead, editable. */
export function AftersaleSettingsView() {
  const { t } = useTranslation();
  const templates = useRpcQuery('aftersales.templates', {}, { refetchOn: REFETCH });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <SectionCard title={t('aftersales.settings.templates')} description={t('aftersales.settings.templateHelp', { placeholders: PLACEHOLDERS.map((p) => `{${p}}`).join(' ') })}>
          <Flex vertical gap={12}>
            {(templates.data ?? []).map((e) => (
              <TemplateEditor key={e.key} entry={e} />
            ))}
          </Flex>
        </SectionCard>
      </Col>
      <Col xs={24} xl={10}>
        <Flex vertical gap={16}>
          <LeadHoursCard />
          <VocabularyCard />
          <CausesCard />
        </Flex>
      </Col>
    </Row>
  );
}
