import { createRowMapper } from '../../src/core/imports/map-row';
import { isHeaderPlan, recogniseHeader } from '../../src/core/imports/recognise-header';
import { LAYOUT_A, cellsFor, orderCells, type OrderLine } from '../fixtures/douyin/generator';

const found = recogniseHeader(LAYOUT_A, 1);
if (!isHeaderPlan(found)) throw new Error('layout A not recognised');
const mapper = createRowMapper(found);

/** Generated lines as the import worker hands them to the table writer (layout A, mapped). */
export const mappedOrderRows = (lines: readonly OrderLine[]): unknown[][] =>
  lines.map((l, i) => {
    const r = mapper(cellsFor(LAYOUT_A, orderCells(l)), i + 2, false);
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.values;
  });
