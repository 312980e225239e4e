import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fillTemplate, MISSING_VALUE } from '../../../../../shared/domain/aftersale-templates';
import type { AftersaleCaseDetail } from '../../../../../shared/rpc/contract';
import { useRpcQuery } from '../../../app/use-rpc';
import { useCopyText } from '../../purchases';

/** The four reply templates, each copied filled with this order's details; says which details were not on file. */
export function ReplyTemplates({ detail }: { detail: AftersaleCaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = useCopyText();
  const templates = useRpcQuery('aftersales.templates', {}, { refetchOn: ['aftersales.changed'] });
  return (
    <Flex vertical gap={6}>
      {(templates.data ?? []).map((tpl) => {
        const name = t(`aftersales.templates.${tpl.key}`);
        const filled = fillTemplate(tpl.body, detail.fillValues);
        return (
          <Flex key={tpl.key} gap={8} align="start" justify="space-between">
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: filled.text }} style={{ margin: 0, flex: 1 }}>
              <Typography.Text strong>{name}：</Typography.Text>
              {filled.text}
            </Typography.Paragraph>
            <Button
              size="small"
              icon={<CopyOutlined aria-hidden />}
              data-testid={`copy-reply-${tpl.key}`}
              onClick={() =>
                void copy(filled.text, t('aftersales.drawer.replyCopied', { name })).then((ok) => {
                  if (ok && filled.missing.length > 0) void message.warning(t('aftersales.drawer.replyMissing', { names: filled.missing.join('、'), marker: MISSING_VALUE }));
                })
              }
            >
              {t('aftersales.drawer.copyReply')}
            </Button>
          </Flex>
        );
      })}
    </Flex>
  );
}
