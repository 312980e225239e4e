import { describe, expectTypeOf, it } from 'vitest';
import type { CsvExportMethod } from './use-csv-export';

describe('CsvExportMethod', () => {
  it('is exactly the methods without required parameters that answer { csv, rows }', () => {
    // Checked by the compiler (npm run typecheck): a new export method joins by itself, and a
    // method that needs parameters or answers something else can never be given to the hook.
    expectTypeOf<CsvExportMethod>().toEqualTypeOf<'products.exportCsv' | 'suppliers.exportCsv' | 'influencers.exportCsv' | 'reports.profitCsv'>();
  });
});
