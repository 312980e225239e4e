import { Alert, App, Button, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noticeProblems, parseHolidayNotice, type NoticeProblem } from '../../../../../shared/domain/holiday-notice';
import type { CalendarDay, CalendarSource, NoticeDay } from '../../../../../shared/domain/working-days';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { SectionCard } from '../../../shared/ui/section-card';

const INVALIDATES = { methods: ['money.holidayCalendar', 'money.deposit'] } as const;
const SOURCE_COLOUR: Record<CalendarSource, string> = { notice: 'green', official: 'blue', estimated: 'orange', weekends: 'default' };
type Row = NoticeDay & { key: number };

/**
 * The working-day calendar of one year and where it comes from; the user pastes or types the State
 * Council's notice for a year, which then wins (issue 10). The table is checked with the same
 * noticeProblems the core refuses with, and nothing is saved while a row is wrong.
 */
export function HolidaysCard({ year: initialYear }: { year: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [year, setYear] = useState(initialYear);
  const view = useRpcQuery('money.holidayCalendar', { year }, { refetchOn: ['money.changed'] });
  const save = useRpcMutation('money.saveHolidayNotice', { invalidates: INVALIDATES });
  const remove = useRpcMutation('money.removeHolidayNotice', { invalidates: INVALIDATES });
  const [draft, setDraft] = useState<Row[] | null>(null);
  const [pasted, setPasted] = useState('');
  const [readProblems, setReadProblems] = useState<string | null>(null);
  const [problems, setProblems] = useState<NoticeProblem[]>([]);
  const last = view.data?.packageLastYear ?? initialYear;
  const years = Array.from({ length: 5 }, (_, i) => last - 1 + i);

  const toRows = (days: readonly NoticeDay[]): Row[] => days.map((d, key) => ({ date: d.date, kind: d.kind, name: d.name, key }));
  const read = () => {
    const parsed = parseHolidayNotice(pasted, year);
    setReadProblems(parsed.days.length === 0 ? t('money.holidays.readNone') : parsed.problems.length > 0 ? t('money.holidays.problems', { lines: parsed.problems.map((p) => p.line).join('、') }) : null);
    if (parsed.days.length > 0) setDraft(toRows(parsed.days));
    setProblems([]);
  };
  const patch = (key: number, change: Partial<NoticeDay>) => setDraft((rows) => rows?.map((r) => (r.key === key ? { ...r, ...change } : r)) ?? null);
  const submit = async () => {
    if (!draft) return;
    const days = draft.map(({ date, kind, name }) => ({ date: date.trim(), kind, name }));
    const found = noticeProblems(year, days);
    setProblems(found);
    if (found.length > 0 || days.length === 0) return;
    try {
      await save.mutate({ year, days });
      setDraft(null);
      setPasted('');
      void message.success(t('money.holidays.saved', { year }));
    } catch (error) {
      showError(error);
    }
  };
  const problemOf = (index: number, field: NoticeProblem['field']) => problems.find((p) => p.index === index && p.field === field);
  const errorText = (p: NoticeProblem | undefined) => (p ? <Typography.Text type="danger">{t(`money.holidays.errors.${p.code}`, { year })}</Typography.Text> : null);

  return (
    <SectionCard title={t('money.holidays.title')} description={t('money.holidays.hint', { last })}>
      <Flex vertical gap={12}>
        <Space wrap align="center">
          <Typography.Text>{t('money.holidays.year')}</Typography.Text>
          <Select<number> aria-label={t('money.holidays.year')} value={year} onChange={(y) => { setYear(y); setDraft(null); setProblems([]); }} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 100 }} />
          {view.data && <Tag color={SOURCE_COLOUR[view.data.source]}>{t(`money.holidays.sources.${view.data.source}`)}</Tag>}
          {view.data?.source === 'notice' && (
            <Button danger size="small" loading={remove.isPending} onClick={() => void remove.mutate({ year }).catch(showError)}>
              {t('money.holidays.removeNotice', { source: t(`money.holidays.sources.${year <= last ? 'official' : 'estimated'}`) })}
            </Button>
          )}
        </Space>
        {!draft && (
          <Table<CalendarDay>
            size="small"
            rowKey="date"
            pagination={false}
            scroll={{ y: 240 }}
            aria-label={t('money.holidays.title')}
            dataSource={view.data?.days ?? []}
            columns={[
              { title: t('money.holidays.date'), dataIndex: 'date' },
              { title: t('money.holidays.kind'), dataIndex: 'kind', render: (k: CalendarDay['kind']) => t(`money.holidays.kinds.${k}`) },
              { title: t('money.holidays.name'), dataIndex: 'name' },
              { title: t('money.holidays.source'), dataIndex: 'source', render: (s: CalendarSource) => <Tag color={SOURCE_COLOUR[s]}>{t(`money.holidays.sources.${s}`)}</Tag> },
            ]}
          />
        )}
        <Input.TextArea aria-label={t('money.holidays.paste')} placeholder={t('money.holidays.pastePlaceholder')} value={pasted} onChange={(e) => setPasted(e.target.value)} autoSize={{ minRows: 2, maxRows: 8 }} />
        <Space wrap>
          <Button onClick={read} disabled={pasted.trim() === ''}>
            {t('money.holidays.read')}
          </Button>
          {!draft && (
            <Button onClick={() => setDraft(toRows(view.data?.days ?? []))}>{t('money.holidays.editNotice')}</Button>
          )}
        </Space>
        {readProblems && <Alert type="warning" showIcon message={readProblems} />}
        {draft && (
          <Flex vertical gap={8}>
            <Table<Row>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={draft}
              columns={[
                {
                  title: t('money.holidays.date'),
                  render: (_, r, i) => (
                    <>
                      <Input aria-label={`${t('money.holidays.date')} ${i + 1}`} value={r.date} status={problemOf(i, 'date') ? 'error' : ''} placeholder="YYYY-MM-DD" onChange={(e) => patch(r.key, { date: e.target.value })} />
                      {errorText(problemOf(i, 'date'))}
                    </>
                  ),
                },
                {
                  title: t('money.holidays.kind'),
                  render: (_, r) => (
                    <Select<NoticeDay['kind']> value={r.kind} style={{ width: 140 }} onChange={(kind) => patch(r.key, { kind })} options={(['holiday', 'workday'] as const).map((k) => ({ value: k, label: t(`money.holidays.kinds.${k}`) }))} />
                  ),
                },
                {
                  title: t('money.holidays.name'),
                  render: (_, r, i) => (
                    <>
                      <Input aria-label={`${t('money.holidays.name')} ${i + 1}`} value={r.name} status={problemOf(i, 'name') ? 'error' : ''} onChange={(e) => patch(r.key, { name: e.target.value })} />
                      {errorText(problemOf(i, 'name'))}
                    </>
                  ),
                },
                { title: '', key: 'remove', render: (_, r) => <Button type="link" size="small" onClick={() => setDraft((rows) => rows?.filter((x) => x.key !== r.key) ?? null)}>{t('money.holidays.removeRow')}</Button> },
              ]}
            />
            {draft.length === 0 && <Typography.Text type="danger">{t('money.holidays.errors.empty')}</Typography.Text>}
            <Space wrap>
              <Button onClick={() => setDraft([...draft, { date: '', kind: 'holiday', name: '', key: Math.max(-1, ...draft.map((r) => r.key)) + 1 }])}>{t('money.holidays.addRow')}</Button>
              <Button type="primary" loading={save.isPending} disabled={draft.length === 0} onClick={() => void submit()}>
                {t('money.holidays.save')}
              </Button>
              <Button onClick={() => { setDraft(null); setProblems([]); }}>{t('money.holidays.cancel')}</Button>
            </Space>
          </Flex>
        )}
      </Flex>
    </SectionCard>
  );
}
