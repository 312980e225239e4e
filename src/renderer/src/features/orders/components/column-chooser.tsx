import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, List, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PREFS, moveColumn, toggleColumn, type ColumnPrefs } from '../column-prefs';

/** Which columns the order list shows and in what order; every change is kept at once. */
export function ColumnChooser({ open, prefs, onChange, onClose }: { open: boolean; prefs: ColumnPrefs; onChange(p: ColumnPrefs): void; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('orders.columnsTitle')} onCancel={onClose} footer={<Button onClick={() => onChange(DEFAULT_PREFS)}>{t('orders.resetColumns')}</Button>}>
      <List
        size="small"
        dataSource={prefs.order}
        renderItem={(c, i) => (
          <List.Item key={c}>
            <Flex justify="space-between" align="center" style={{ width: '100%' }}>
              <Checkbox checked={!prefs.hidden.includes(c)} disabled={c === 'mainOrderId'} onChange={(e) => onChange(toggleColumn(prefs, c, e.target.checked))}>
                {t(`orders.columns.${c}`)}
              </Checkbox>
              <span>
                <Button size="small" type="text" aria-label={`${t('orders.up')} ${t(`orders.columns.${c}`)}`} disabled={i === 0} icon={<ArrowUpOutlined aria-hidden />} onClick={() => onChange(moveColumn(prefs, c, -1))} />
                <Button size="small" type="text" aria-label={`${t('orders.down')} ${t(`orders.columns.${c}`)}`} disabled={i === prefs.order.length - 1} icon={<ArrowDownOutlined aria-hidden />} onClick={() => onChange(moveColumn(prefs, c, 1))} />
              </span>
            </Flex>
          </List.Item>
        )}
      />
    </Modal>
  );
}
