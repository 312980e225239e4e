import { theme } from 'antd';

/** The ShopDesk mark: a small shop front with an awning, in the theme's primary colour. */
export function Logo({ size = 32 }: { size?: number }) {
  const { token } = theme.useToken();
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill={token.colorPrimary} />
      <path d="M7 12.5 9 7h14l2 5.5a3 3 0 0 1-6 0 3 3 0 0 1-6 0 3 3 0 0 1-6 0Z" fill="#fff" />
      <path d="M9 16.5V25h14v-8.5" fill="none" stroke="#fff" strokeWidth="2" strokeLinejoin="round" />
      <rect x="14" y="19" width="4" height="6" fill="#fff" />
    </svg>
  );
}
