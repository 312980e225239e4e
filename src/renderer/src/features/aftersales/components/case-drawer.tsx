import { Descriptions, Divider, Drawer, Flex, Result, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RETURNS_GOODS } from '../../../../../shared/domain/aftersale-type';
import { useRpcQuery } from '../../../app/use-rpc';
import { useErrorMessage } from '../../../shared/ui/error-message';
import { yuan } from '../model';
import { CloseCaseForm } from './close-case-form';
import { EvidenceBox } from './evidence-box';
import { ArbitrationTag, CountdownTag, OpenTag, TypeTag } from './labels';
import { ManualFieldsForm } from './manual-fields-form';
import { ReplyTemplates } from './reply-templates';
import { ReturnCardView } from './return-card-view';
import { SupplierSideForm } from './supplier-side-form';

const REFETCH_ON = ['aftersales.changed', 'imports.finished', 'imports.undone', 'purchases.changed', 'sourcing.changed'] as const;
/** The countdown is the core's (its clock); asking again each minute keeps it moving. */
const TICK_MS = 60_000;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title}>
      <Divider titlePlacement="start" style={{ margin: '12px 0 8px' }}>
        <Typography.Title level={3} style={{ fontSize: 14, margin: 0 }}>
          {title}
        </Typography.Title>
      </Divider>
      {children}
    </section>
  );
}

/** One case: countdown, return card, reply templates, evidence, the supplier side, close with cause. */
export function CaseDrawer({ caseKey, onClose }: { caseKey: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  return (
    <Drawer open={caseKey !== null} onClose={onClose} size="large" destroyOnHidden title={t('aftersales.drawer.title', { id: title || (caseKey ?? '') })}>
      {caseKey !== null && <CaseBody caseKey={caseKey} onTitle={setTitle} />}
    </Drawer>
  );
}

/** Mounted only while a case is open, so a closed drawer asks the core nothing. */
function CaseBody({ caseKey, onTitle }: { caseKey: string; onTitle(title: string): void }) {
  const { t } = useTranslation();
  const errorText = useErrorMessage();
  const query = useRpcQuery('aftersales.get', { caseKey }, { refetchOn: REFETCH_ON });
  const detail = query.data?.caseKey === caseKey ? query.data : undefined;
  const { refetch } = query;
  useEffect(() => {
    const timer = setInterval(refetch, TICK_MS);
    return () => clearInterval(timer);
  }, [refetch]);
  const title = detail?.aftersaleId ?? '';
  useEffect(() => onTitle(title), [onTitle, title]);

  if (!detail) return query.error ? <Result status="warning" title={errorText(query.error)} /> : <Skeleton active />;
  return (
        <Flex vertical gap={4} data-testid="case-drawer">
          <Space wrap>
            <TypeTag row={detail} />
            <OpenTag row={detail} />
            <ArbitrationTag row={detail} />
            <CountdownTag row={detail} />
          </Space>
          <Descriptions size="small" column={2} style={{ marginTop: 8 }}>
            <Descriptions.Item label={t('aftersales.drawer.order')}>{detail.orderId}</Descriptions.Item>
            <Descriptions.Item label={t('aftersales.drawer.subOrder')}>{detail.subOrderId}</Descriptions.Item>
            <Descriptions.Item label={t('aftersales.drawer.product')} span={2}>
              {detail.productTitle ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('aftersales.drawer.reason')}>{detail.reason || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('aftersales.drawer.applied')}>{detail.appliedAt?.slice(0, 16) ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('aftersales.drawer.refund')}>{yuan(detail.refundGoodsFen)}</Descriptions.Item>
            <Descriptions.Item label={t('aftersales.drawer.buyerRefund')}>
              <Space size={4} wrap>
                {yuan(detail.buyerRefundFen)}
                <Typography.Text type="secondary">{t('aftersales.drawer.buyerRefundHow')}</Typography.Text>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('aftersales.drawer.deadline')}>{detail.deadlineAt?.slice(0, 16) ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('aftersales.drawer.returnWaybill')}>{[detail.returnCarrier, detail.returnWaybill].filter(Boolean).join(' ') || '—'}</Descriptions.Item>
            {detail.merchantNote && <Descriptions.Item label={t('aftersales.drawer.merchantNote')} span={2}>{detail.merchantNote}</Descriptions.Item>}
            {detail.buyerNote && <Descriptions.Item label={t('aftersales.drawer.buyerNote')} span={2}>{detail.buyerNote}</Descriptions.Item>}
          </Descriptions>
          {(RETURNS_GOODS.has(detail.type) || detail.type === 'unknown' || detail.returnCard.status === 'ok') && (
            <Section title={t('aftersales.drawer.returnCard')}>
              <ReturnCardView card={detail.returnCard} />
            </Section>
          )}
          <Section title={t('aftersales.drawer.replies')}>
            <ReplyTemplates detail={detail} />
          </Section>
          <Section title={t('aftersales.drawer.evidence')}>
            <EvidenceBox caseKey={detail.caseKey} items={detail.evidence} />
          </Section>
          {detail.origin === 'manual' && (
            <Section title={t('aftersales.drawer.manualFields')}>
              <ManualFieldsForm detail={detail} />
            </Section>
          )}
          <Section title={t('aftersales.drawer.supplierSide')}>
            <SupplierSideForm detail={detail} />
          </Section>
          <Section title={t('aftersales.drawer.close')}>
            <CloseCaseForm detail={detail} />
          </Section>
        </Flex>
  );
}
