import { Card, Typography } from 'antd';
import { useId, type ReactNode } from 'react';

/**
 * A titled block of a screen. The title is a real heading (h2) and names the section, so screen
 * readers and role-based tests find it.
 */
export function SectionCard({ title, description, extra, children }: { title: string; description?: string; extra?: ReactNode; children?: ReactNode }) {
  const headingId = useId();
  return (
    <Card
      role="region"
      aria-labelledby={headingId}
      title={
        <Typography.Title id={headingId} level={2} style={{ fontSize: 16, margin: 0 }}>
          {title}
        </Typography.Title>
      }
      extra={extra}
    >
      {description && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {description}
        </Typography.Paragraph>
      )}
      {children}
    </Card>
  );
}
