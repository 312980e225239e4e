import { Typography } from 'antd';

/**
 * A file name on one line: long (often Chinese) names end in “…” and show in full in a tooltip.
 * The parent must give it a width (a fixed table column, a flex item with min-width 0).
 */
export function FileName({ name, isDanger = false, isStrong = false }: { name: string; isDanger?: boolean; isStrong?: boolean }) {
  return (
    <Typography.Text
      strong={isStrong}
      type={isDanger ? 'danger' : undefined}
      ellipsis={{ tooltip: { title: name, placement: 'topLeft' } }}
      style={{ display: 'block', maxWidth: '100%' }}
    >
      {name}
    </Typography.Text>
  );
}
