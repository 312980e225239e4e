/**
 * The main open-source packages inside ShopDesk and their licenses, shown under 关于 About.
 * licenses.test.ts checks every entry against the installed package's own `license` field.
 */
export const LICENSES: readonly { name: string; license: string }[] = [
  { name: 'react', license: 'MIT' },
  { name: 'antd', license: 'MIT' },
  { name: 'electron', license: 'MIT' },
  { name: 'better-sqlite3', license: 'MIT' },
  { name: 'kysely', license: 'MIT' },
  { name: 'i18next', license: 'MIT' },
  { name: 'zod', license: 'MIT' },
  { name: 'dayjs', license: 'MIT' },
  { name: 'echarts', license: 'Apache-2.0' },
  { name: 'papaparse', license: 'MIT' },
  { name: 'exceljs', license: 'MIT' },
  { name: 'iconv-lite', license: 'MIT' },
];
