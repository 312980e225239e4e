import { Alert, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FELL_KINDS, type FellKind } from '../../../../../shared/domain/decline-kinds';
import type { DeclineAlert } from '../../../../../shared/rpc/domains/decline';
import { fellOrdersHash, pctText } from '../model';

/** How many groups of each kind the alert names (the watch keeps five). */
const SHOWN = 3;

/** The raised alert: which rule fired, the run, what to check, and the groups that fell most, each opening its orders. */
export function DeclineAlertView({ alert, compact = false }: { alert: DeclineAlert; compact?: boolean }) {
  const { t } = useTranslation();
  const title =
    alert.rule === 'dayOverDay'
      ? t('decline.dayOverDay', { days: alert.days, from: alert.from, to: alert.to, first: alert.firstOrders, last: alert.lastOrders })
      : t('decline.sameWeekday', { days: alert.days, from: alert.from, to: alert.to, last: alert.lastOrders, usual: alert.usualOrders ?? '-' });
  const w = alert.windows;
  const kinds = FELL_KINDS.filter((k) => !compact || alert.fell[k].length > 0);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="decline-alert"
      title={title}
      description={
        <Flex vertical gap={6}>
          <Typography.Text type="secondary">{t(alert.rule === 'dayOverDay' ? 'decline.ruleDayOverDay' : 'decline.ruleSameWeekday')}</Typography.Text>
          <Typography.Text>{t('decline.advice')}</Typography.Text>
          <Typography.Text>{t('decline.compared', { nowFrom: w.now.from, nowTo: w.now.to, beforeFrom: w.before.from, beforeTo: w.before.to })}</Typography.Text>
          <Flex wrap gap={16}>
            {kinds.map((kind) => (
              <FellList key={kind} kind={kind} alert={alert} />
            ))}
          </Flex>
        </Flex>
      }
    />
  );
}

function FellList({ kind, alert }: { kind: FellKind; alert: DeclineAlert }) {
  const { t } = useTranslation();
  const groups = alert.fell[kind].slice(0, SHOWN);
  return (
    <Flex vertical style={{ minWidth: 220, flex: 1 }} aria-label={t(`decline.kinds.${kind}`)} role="group">
      <Typography.Text strong>{t(`decline.kinds.${kind}`)}</Typography.Text>
      {groups.length === 0 ? (
        <Typography.Text type="secondary">{t('decline.noneFell')}</Typography.Text>
      ) : (
        <List
          size="small"
          split={false}
          dataSource={groups}
          renderItem={(g) => {
            const hash = fellOrdersHash(kind, g, alert.windows);
            const name = g.name ?? g.key;
            return (
              <List.Item style={{ padding: '2px 0' }}>
                <Flex gap={6} align="center" wrap>
                  <Typography.Text ellipsis={{ tooltip: name }} style={{ maxWidth: 200 }}>
                    {name}
                  </Typography.Text>
                  <Tag color="red">{`${g.change}${g.changePct === null ? '' : ` (${pctText(g.changePct)})`}`}</Tag>
                  <Typography.Text type="secondary">{t('decline.fellRow', { before: g.before.orders, now: g.now.orders })}</Typography.Text>
                  {hash && (
                    <Typography.Link href={hash} aria-label={`${t('decline.openOrders')}: ${name}`}>
                      {t('decline.openOrders')}
                    </Typography.Link>
                  )}
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
    </Flex>
  );
}
