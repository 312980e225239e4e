import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Modal, Select, Table, Typography, Upload } from 'antd';
import { lengthCount } from '../../../shared/ui/length-count';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvPreview } from '../../../../../shared/rpc/contract';
import { useRpcMutation } from '../../../app/use-rpc';
import { errorCodeOf, useErrorMessage } from '../../../shared/ui/error-message';
import { toBase64 } from '../../shared/file-bytes';

type Kind = 'products' | 'suppliers';
const INVALIDATES = { methods: ['products.list', 'suppliers.list', 'sourcing.quota'] } as const;
const DEFAULT_SOURCE: Record<Kind, string> = { products: '蝉妈妈', suppliers: 'catalogue' };

type FieldKey = keyof (typeof import('../messages'))['sourcingZh']['csv']['fields'];

/** Any CSV → candidates or suppliers: pick a file, check the guessed columns and the preview, import all or nothing. */
export function CsvImportModal({ kind, open, onClose }: { kind: Kind; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const previewCall = useRpcMutation('sourcing.csvPreview');
  const importCall = useRpcMutation('sourcing.csvImport', { invalidates: INVALIDATES });
  const [source, setSource] = useState(DEFAULT_SOURCE[kind]);
  const [file, setFile] = useState<{ name: string; data: string } | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [problem, setProblem] = useState<{ text: string; issues: string[] } | null>(null);

  const showProblem = (error: unknown) => {
    const details = (error as { details?: { issues?: { path: string; message: string }[] } }).details;
    setProblem({ text: describe(error), issues: errorCodeOf(error) === 'VALIDATION' ? (details?.issues ?? []).map((i) => `${i.path}: ${i.message}`) : [] });
  };

  const load = async (data: string, mapping?: Record<string, string | null>) => {
    setProblem(null);
    try {
      setPreview(await previewCall.mutate({ kind, source, dataBase64: data, ...(mapping ? { mapping } : {}) }));
    } catch (error) {
      setPreview(null);
      showProblem(error);
    }
  };

  const run = async () => {
    if (!file || !preview) return;
    setProblem(null);
    try {
      const result = await importCall.mutate({ kind, source, dataBase64: file.data, mapping: preview.mapping });
      void message.success(t('sourcing.csv.imported', { count: result.imported }));
      setFile(null);
      setPreview(null);
      onClose();
    } catch (error) {
      showProblem(error);
    }
  };

  const fieldLabel = (f: string) => t(`sourcing.csv.fields.${f as FieldKey}`);
  return (
    <Modal
      open={open}
      onCancel={onClose}
      width={900}
      title={t('sourcing.csv.title', { what: t(`sourcing.csv.${kind}`) })}
      okText={t('sourcing.csv.import', { total: preview?.total ?? 0 })}
      okButtonProps={{ disabled: !preview || preview.total === 0, loading: importCall.isPending }}
      onOk={() => void run()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('sourcing.csv.hint')}</Typography.Paragraph>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Input aria-label={t('sourcing.csv.source')} addonBefore={t('sourcing.csv.source')} value={source} count={lengthCount('csvSource')} onChange={(e) => setSource(e.target.value)} style={{ width: 420 }} />
        <Upload
          accept=".csv,.txt,text/csv"
          showUploadList={false}
          beforeUpload={(f) => {
            void toBase64(f).then((data) => {
              setFile({ name: f.name, data });
              void load(data);
            });
            return false;
          }}
        >
          <Button icon={<UploadOutlined aria-hidden />} loading={previewCall.isPending}>
            {file ? file.name : t('sourcing.csv.pick')}
          </Button>
        </Upload>
      </Flex>
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${t('sourcing.csv.failed')} ${problem.text}`}
          description={problem.issues.length > 0 ? problem.issues.slice(0, 10).join('；') : undefined}
        />
      )}
      {preview && file && (
        <>
          {preview.savedMappingUsed && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('sourcing.csv.savedUsed', { source })} />}
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            {preview.fields.map((f) => (
              <label key={f} style={{ display: 'flex', flexDirection: 'column', width: 160, fontSize: 12 }}>
                {fieldLabel(f)}
                <Select
                  size="small"
                  allowClear
                  placeholder={t('sourcing.csv.notImported')}
                  value={preview.mapping[f] ?? undefined}
                  onChange={(header: string | undefined) => void load(file.data, { ...preview.mapping, [f]: header ?? null })}
                  options={preview.headers.map((h) => ({ value: h, label: h }))}
                />
              </label>
            ))}
          </Flex>
          <Typography.Text strong>{t('sourcing.csv.preview', { total: preview.total })}</Typography.Text>
          <Table
            size="small"
            rowKey="line"
            pagination={false}
            scroll={{ x: true, y: 260 }}
            dataSource={preview.rows}
            columns={[
              { title: t('sourcing.csv.line'), dataIndex: 'line', width: 60 },
              ...preview.fields
                .filter((f) => preview.mapping[f])
                .map((f) => ({ title: fieldLabel(f), key: f, render: (_: unknown, r: CsvPreview['rows'][number]) => r.values[f] ?? '' })),
              {
                title: t('sourcing.csv.problems'),
                key: 'problems',
                render: (_: unknown, r: CsvPreview['rows'][number]) => <Typography.Text type="danger">{r.problems.join('；')}</Typography.Text>,
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
