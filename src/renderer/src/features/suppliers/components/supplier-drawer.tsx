import { Alert, App, Button, Col, Descriptions, Divider, Drawer, Form, Input, List, Radio, Row, Select, Switch, Tag } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBp } from '../../../../../shared/domain/cost-stack';
import { POSTAGE_PAYERS, PURCHASE_CHANNELS } from '../../../../../shared/domain/return-address';
import type { ReturnRules, SupplierFields } from '../../../../../shared/rpc/contract';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { lengthCount } from '../../../shared/ui/length-count';
import { numberOf, textOf, type NumberText } from '../../../shared/ui/number-text';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { AddressList } from './address-list';
import { SupplierOwedBalance } from '../../aftersales';

const INVALIDATES = { methods: ['suppliers.get', 'suppliers.list', 'products.list', 'products.get'] } as const;

type SupplierForm = Omit<SupplierFields, 'shopLinks' | 'usualShipHours'> & { shopLinksText: string; usualShipHours: NumberText };
type RulesForm = Omit<ReturnRules, 'noReason7Day' | 'windowDays'> & { noReason7Day: 'yes' | 'no' | 'unknown'; windowDays: NumberText };

/** Refused supplier fields show on the form's own fields; the links on the one text box. */
const supplierFieldOf = (path: (string | number)[]) => {
  const rest = path[0] === 'patch' ? path.slice(1) : path;
  return rest[0] === 'shopLinks' ? 'shopLinksText' : typeof rest[0] === 'string' ? rest[0] : null;
};

const EMPTY: SupplierForm = {
  name: '', wechat: '', phone: '', qq: '', contactPerson: '', shopLinksText: '', purchaseChannel: 'wechat', shipFrom: '', cutoffTime: '', usualShipHours: '', notes: '', blacklisted: false, blacklistReason: '',
};

/** A supplier: contacts and terms, return rules, return addresses, scorecard and bound products. */
export function SupplierDrawer({ supplierId, open, onClose, onCreated }: { supplierId: number | null; open: boolean; onClose(): void; onCreated(id: number): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = useFormSubmit();
  const [form] = Form.useForm<SupplierForm>();
  const [rulesForm] = Form.useForm<RulesForm>();
  const detail = useRpcQuery('suppliers.get', { id: supplierId ?? 1 });
  const supplier = supplierId === null ? undefined : detail.data;
  const create = useRpcMutation('suppliers.create', { invalidates: INVALIDATES });
  const update = useRpcMutation('suppliers.update', { invalidates: INVALIDATES });
  const setRules = useRpcMutation('suppliers.setRules', { invalidates: INVALIDATES });
  const blacklisted = Form.useWatch('blacklisted', form);

  // Reset when another supplier opens or this one was saved, not on every refetch (see product-drawer).
  const latest = useRef(supplier);
  latest.current = supplier;
  const stamp = supplier?.updatedAt ?? null;
  useEffect(() => {
    if (!open) return;
    const current = latest.current;
    form.setFieldsValue(current ? { ...current, shopLinksText: current.shopLinks.join('\n'), usualShipHours: textOf(current.usualShipHours) } : EMPTY);
    if (current) rulesForm.setFieldsValue({ ...current.rules, windowDays: textOf(current.rules.windowDays), noReason7Day: current.rules.noReason7Day === null ? 'unknown' : current.rules.noReason7Day ? 'yes' : 'no' });
  }, [open, supplierId, stamp, form, rulesForm]);

  const save = async () => {
    const { shopLinksText, ...v } = { ...EMPTY, ...(form.getFieldsValue(true) as Partial<SupplierForm>) };
    const fields = { ...v, shopLinks: (shopLinksText ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== ''), usualShipHours: numberOf(v.usualShipHours) ?? null, cutoffTime: v.cutoffTime ?? '' };
    if (supplierId === null) {
      const made = await submit({ form, method: 'suppliers.create', params: fields, run: (p) => create.mutate(p), fieldOf: supplierFieldOf });
      if (!made) return;
      onCreated(made.id);
    } else {
      const saved = await submit({ form, method: 'suppliers.update', params: { id: supplierId, patch: fields }, run: (p) => update.mutate(p), fieldOf: supplierFieldOf });
      if (!saved) return;
    }
    void message.success(t('suppliers.form.saved'));
  };

  const saveRules = async () => {
    if (supplierId === null) return;
    const v = rulesForm.getFieldsValue(true) as Partial<RulesForm>;
    const rules = {
      noReason7Day: v.noReason7Day === undefined || v.noReason7Day === 'unknown' ? null : v.noReason7Day === 'yes',
      postagePayer: v.postagePayer ?? null,
      windowDays: numberOf(v.windowDays) ?? null,
      damagedHandling: v.damagedHandling ?? '',
      refusedParcel: v.refusedParcel ?? '',
      notes: v.notes ?? '',
    };
    const done = await submit({ form: rulesForm, method: 'suppliers.setRules', params: { id: supplierId, rules }, run: (p) => setRules.mutate(p), fieldOf: (path) => (path[0] === 'rules' ? path.slice(1) : null) });
    if (done) void message.success(t('suppliers.form.saved'));
  };

  const card = supplier?.scorecard;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      destroyOnHidden
      title={supplierId === null ? t('suppliers.form.newTitle') : `${t('suppliers.form.editTitle')} · ${supplier?.name ?? ''}`}
      extra={
        <Button type="primary" loading={create.isPending || update.isPending} onClick={() => void save()}>
          {t('suppliers.form.save')}
        </Button>
      }
    >
      {supplier?.warnings.map((w) => <Alert key={w} type="warning" showIcon title={t(`suppliers.warnings.${w}`)} style={{ marginBottom: 8 }} />)}
      {supplier?.blacklisted && <Alert type="error" showIcon title={`${t('suppliers.blacklisted')}：${supplier.blacklistReason}`} style={{ marginBottom: 8 }} />}
      <Form form={form} name="supplier" layout="vertical" initialValues={EMPTY}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="name" label={t('suppliers.form.name')} required>
              <Input count={lengthCount('supplierName')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="contactPerson" label={t('suppliers.form.contactPerson')}>
              <Input count={lengthCount('contactPerson')} />
            </Form.Item>
          </Col>
          {(['wechat', 'phone', 'qq', 'shipFrom'] as const).map((name) => (
            <Col span={12} key={name}>
              <Form.Item name={name} label={t(`suppliers.form.${name}`)}>
                <Input />
              </Form.Item>
            </Col>
          ))}
          <Col span={8}>
            <Form.Item name="purchaseChannel" label={t('suppliers.form.channel')}>
              <Select options={PURCHASE_CHANNELS.map((c) => ({ value: c, label: t(`suppliers.channels.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="cutoffTime" label={t('suppliers.form.cutoff')}>
              <Input placeholder="16:00" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="usualShipHours" label={t('suppliers.form.shipHours')}>
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="shopLinksText" label={t('suppliers.form.shopLinks')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="notes" label={t('suppliers.form.notes')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="blacklisted" label={t('suppliers.form.blacklisted')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={16}>
            {blacklisted && (
              <Form.Item name="blacklistReason" label={t('suppliers.form.blacklistReason')}>
                <Input />
              </Form.Item>
            )}
          </Col>
        </Row>
      </Form>
      {supplier && (
        <>
          <Divider titlePlacement="start">{t('suppliers.rules.title')}</Divider>
          <Form form={rulesForm} name="rules" layout="vertical" onFinish={() => void saveRules()} initialValues={{ noReason7Day: 'unknown' }}>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="noReason7Day" label={t('suppliers.rules.noReason')}>
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: 'yes', label: t('suppliers.rules.yes') },
                      { value: 'no', label: t('suppliers.rules.no') },
                      { value: 'unknown', label: t('suppliers.rules.unknown') },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="postagePayer" label={t('suppliers.rules.payer')}>
                  <Select allowClear options={POSTAGE_PAYERS.map((p) => ({ value: p, label: t(`suppliers.payers.${p}`) }))} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="windowDays" label={t('suppliers.rules.window')}>
                  <Input inputMode="numeric" />
                </Form.Item>
              </Col>
              {(['damagedHandling', 'refusedParcel'] as const).map((name) => (
                <Col span={12} key={name}>
                  <Form.Item name={name} label={t(name === 'damagedHandling' ? 'suppliers.rules.damaged' : 'suppliers.rules.refused')}>
                    <Input />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Form.Item name="notes" label={t('suppliers.rules.notes')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
            </Form.Item>
            <Button htmlType="submit" loading={setRules.isPending}>
              {t('suppliers.rules.save')}
            </Button>
          </Form>
          <Divider titlePlacement="start">{t('suppliers.address.title')}</Divider>
          <AddressList supplier={supplier} />
          <Divider titlePlacement="start">{t('suppliers.score.title')}</Divider>
          {card && card.orders > 0 ? (
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t('suppliers.columns.score')}>{`${card.products} / ${card.orders}`}</Descriptions.Item>
              <Descriptions.Item label={t('suppliers.columns.shipTime')}>{card.avgShipHours === null ? '—' : t('suppliers.score.shipHours', { hours: card.avgShipHours })}</Descriptions.Item>
              <Descriptions.Item label={t('suppliers.columns.returns')} span={2}>
                {`${card.returnRateBp === null ? '—' : formatBp(card.returnRateBp)} / ${card.defectRateBp === null ? '—' : formatBp(card.defectRateBp)}`}
              </Descriptions.Item>
            </Descriptions>
          ) : (
            <Alert type="info" title={t('suppliers.score.none')} />
          )}
          <Divider titlePlacement="start">{t('aftersales.balances.title')}</Divider>
          <SupplierOwedBalance supplierId={supplier.id} />
          <Divider titlePlacement="start">{t('suppliers.products')}</Divider>
          <List
            size="small"
            dataSource={supplier.products}
            renderItem={(p) => (
              <List.Item>
                {p.title} <Tag>{t(`sourcing.stages.${p.stage as 'candidate'}`)}</Tag> {p.supplierSku}
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
