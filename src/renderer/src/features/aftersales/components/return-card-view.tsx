import { CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReturnCard } from '../../../../../shared/rpc/contract';
import { hashForScreen } from '../../../app/hash-route';
import { useCopyText } from '../../purchases';

/** The fulfilling supplier's return address and rules, with one-click copy; or what is missing and where to add it. */
export function ReturnCardView({ card }: { card: ReturnCard }) {
  const { t } = useTranslation();
  const copy = useCopyText();
  if (card.status === 'no_supplier') return <Alert type="warning" showIcon title={t('aftersales.drawer.noSupplier')} data-testid="return-card" />;
  if (card.status === 'no_address') {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="return-card"
        title={t('aftersales.drawer.noAddress', { name: card.supplierName })}
        action={
          <Button size="small" href={hashForScreen('suppliers', { supplier: String(card.supplierId) })}>
            {t('aftersales.drawer.openSupplier', { id: card.supplierId })}
          </Button>
        }
      />
    );
  }
  const r = card.rules;
  const yesNo = (v: boolean | null) => (v === null ? t('aftersales.drawer.unknown') : v ? t('aftersales.drawer.yes') : t('aftersales.drawer.no'));
  return (
    <Flex vertical gap={8} data-testid="return-card">
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong data-testid="return-address">
          {card.copyText}
        </Typography.Text>
        <Button type="primary" icon={<CopyOutlined aria-hidden />} onClick={() => void copy(card.copyText, t('aftersales.drawer.addressCopied'))}>
          {t('aftersales.drawer.copyAddress')}
        </Button>
      </Flex>
      {card.addresses.slice(1).map((a) => (
        <Flex key={a.id} justify="space-between" align="center" gap={8}>
          <Typography.Text>{a.line}</Typography.Text>
          <Button size="small" icon={<CopyOutlined aria-hidden />} aria-label={t('aftersales.drawer.copyAddress')} onClick={() => void copy(a.line, t('aftersales.drawer.addressCopied'))} />
        </Flex>
      ))}
      <Descriptions size="small" column={2} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('aftersales.drawer.supplier')}>
          <a href={hashForScreen('suppliers', { supplier: String(card.supplierId) })}>{card.supplierName}</a>
        </Descriptions.Item>
        <Descriptions.Item label={t('aftersales.drawer.contact')}>{[card.contactPerson, card.phone, card.wechat && `${t('aftersales.drawer.wechat')} ${card.wechat}`].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('aftersales.drawer.noReason7Day')}>{yesNo(r.noReason7Day)}</Descriptions.Item>
        <Descriptions.Item label={t('aftersales.drawer.postagePayer')}>{r.postagePayer === null ? t('aftersales.drawer.unknown') : t(`aftersales.drawer.postage.${r.postagePayer}`)}</Descriptions.Item>
        <Descriptions.Item label={t('aftersales.drawer.damaged')} span={2}>
          {[r.damagedHandling || t('aftersales.drawer.unknown'), r.windowDays === null ? '' : t('aftersales.drawer.window', { days: r.windowDays }), r.notes].filter(Boolean).join(' · ')}
        </Descriptions.Item>
      </Descriptions>
    </Flex>
  );
}
