import { Button, Flex, Form, Input, Select, Typography, App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AftersaleCaseDetail, CauseEntry } from '../../../../../shared/rpc/contract';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { useFormSubmit } from '../../../shared/ui/use-form-submit';
import { aftersalesZh } from '../messages';

const INVALIDATES = { methods: ['aftersales.get', 'aftersales.list', 'aftersales.forOrder', 'aftersales.causeReport'] } as const;

type CauseKey = keyof typeof aftersalesZh.causes;
const isCauseKey = (key: string | null): key is CauseKey => key !== null && Object.hasOwn(aftersalesZh.causes, key);

/** A built-in cause in the reader's language; the seller's own as typed. */
export function useCauseName(): (c: Pick<CauseEntry, 'builtin' | 'name'>) => string {
  const { t } = useTranslation();
  return (c) => (isCauseKey(c.builtin) ? t(`aftersales.causes.${c.builtin}`) : c.name);
}

/** Close with the cause (DOMAIN.md: "afterwards record the cause … and fix that link"), or reopen. */
export function CloseCaseForm({ detail }: { detail: AftersaleCaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ causeId: number | null; note: string }>();
  const submit = useFormSubmit();
  const causes = useRpcQuery('aftersales.causes', {}, { refetchOn: ['aftersales.changed'] });
  const close = useRpcMutation('aftersales.close', { invalidates: INVALIDATES });
  const reopen = useRpcMutation('aftersales.reopen', { invalidates: INVALIDATES });
  const causeName = useCauseName();

  if (detail.closedAt !== null) {
    const cause = (causes.data ?? []).find((c) => c.id === detail.causeId);
    return (
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text data-testid="closed-cause">
          {t('aftersales.drawer.closed', { cause: cause ? causeName(cause) : (detail.causeName ?? '—') })}
          {detail.closeNote && ` · ${detail.closeNote}`}
        </Typography.Text>
        <Button onClick={() => void reopen.mutate({ caseKey: detail.caseKey }).catch(showError)} loading={reopen.isPending}>
          {t('aftersales.drawer.reopen')}
        </Button>
      </Flex>
    );
  }
  const save = async () => {
    const v = form.getFieldsValue();
    const done = await submit({
      form,
      method: 'aftersales.close',
      fieldOf: (path) => (path[0] === 'causeId' ? 'causeId' : path[0] === 'note' ? 'note' : null),
      params: { caseKey: detail.caseKey, causeId: v.causeId ?? (undefined as unknown as number), note: v.note ?? '' },
      run: (params) => close.mutate(params),
    });
    if (done) void message.success(t('aftersales.drawer.closedDone'));
  };
  return (
    <Form form={form} layout="inline" name={`close-${detail.caseKey}`} onFinish={() => void save()} style={{ rowGap: 8 }}>
      <Form.Item name="causeId" label={t('aftersales.drawer.closeCause')} rules={[{ required: true, message: t('aftersales.drawer.closeCausePlaceholder') }]}>
        <Select style={{ width: 180 }} placeholder={t('aftersales.drawer.closeCausePlaceholder')} options={(causes.data ?? []).map((c) => ({ value: c.id, label: causeName(c) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('aftersales.drawer.closeNote')}>
        <Input style={{ width: 220 }} />
      </Form.Item>
      <Button htmlType="submit" loading={close.isPending}>
        {t('aftersales.drawer.close')}
      </Button>
    </Form>
  );
}
