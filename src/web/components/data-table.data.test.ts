import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { buildCsv, foldText, nextSort, pageOffset, parseSort, shownRange, searchRows, sortRows, type TableColumn } from './data-table.data.js';

interface Row {
  id: string;
  party: string;
  quantity: number | null;
}

const rows: Row[] = [
  { id: 'fr-1', party: 'France', quantity: 7501 },
  { id: 'de-10', party: 'Deutschland', quantity: null },
  { id: 'de-2', party: 'Österreich', quantity: 40 },
];
const columns: TableColumn<Row>[] = [
  { id: 'id', text: (row) => row.id },
  { id: 'party', text: (row) => row.party },
  { id: 'quantity', text: (row) => (row.quantity === null ? 'no number' : String(row.quantity)), sort: (row) => row.quantity },
];

describe('the shared table', () => {
  it('reads the sort order from the URL and cycles it on a header click', () => {
    expect(parseSort('party', columns)).toEqual({ column: 'party', descending: false });
    expect(parseSort('-quantity', columns)).toEqual({ column: 'quantity', descending: true });
    expect(parseSort('nope', columns)).toBeNull();
    expect(nextSort(null, 'party')).toBe('party');
    expect(nextSort({ column: 'party', descending: false }, 'party')).toBe('-party');
    expect(nextSort({ column: 'party', descending: true }, 'party')).toBe('party');
  });

  it('sorts text by the language, numbers as numbers, and empty values last either way', () => {
    expect(sortRows(rows, columns, { column: 'id', descending: false }, 'en').map((row) => row.id)).toEqual(['de-2', 'de-10', 'fr-1']);
    expect(sortRows(rows, columns, { column: 'party', descending: false }, 'de').map((row) => row.party)).toEqual(['Deutschland', 'France', 'Österreich']);
    expect(sortRows(rows, columns, { column: 'quantity', descending: false }, 'en').map((row) => row.quantity)).toEqual([40, 7501, null]);
    expect(sortRows(rows, columns, { column: 'quantity', descending: true }, 'en').map((row) => row.quantity)).toEqual([7501, 40, null]);
    expect(sortRows(rows, columns, null, 'en')).toEqual(rows);
  });

  it('searches every column and extra text, each word, ignoring case and accents', () => {
    expect(searchRows(rows, columns, 'osterreich').map((row) => row.id)).toEqual(['de-2']);
    expect(searchRows(rows, columns, 'DE 40').map((row) => row.id)).toEqual(['de-2']);
    expect(searchRows(rows, columns, 'merz', (row) => (row.id === 'de-10' ? 'Merz said' : '')).map((row) => row.id)).toEqual(['de-10']);
    expect(searchRows(rows, columns, '  ')).toHaveLength(3);
    expect(foldText('Größe Ä')).toBe('große a');
  });

  it('exports what is shown as CSV that parses back, with sources and the as-of date', () => {
    const csv = buildCsv({
      headers: ['Id', 'Party, name'],
      rows: [['fr-1', 'France'], ['x', 'says "hi"\nthere']],
      sources: [['s1', 's2'], []],
      asOf: '2025-09-01',
      sourcesHeader: 'Sources',
      asOfHeader: 'As of',
    });
    expect(parse(csv)).toEqual([
      ['Id', 'Party, name', 'Sources', 'As of'],
      ['fr-1', 'France', 's1; s2', '2025-09-01'],
      ['x', 'says "hi"\nthere', '', '2025-09-01'],
    ]);
    // A table with its own sources column gets no second one.
    expect(parse(buildCsv({ headers: ['Id', 'Sources'], rows: [['a', 's1']], asOf: '2026-01-01', sourcesHeader: 'Sources', asOfHeader: 'As of' }))).toEqual([
      ['Id', 'Sources', 'As of'],
      ['a', 's1', '2026-01-01'],
    ]);
  });
});

describe('server-mode pages', () => {
  it('reads the page from the URL and keeps it inside the rows there are', () => {
    expect(pageOffset('', 250, 100)).toEqual({ page: 1, offset: 0, pages: 3 });
    expect(pageOffset('3', 250, 100)).toEqual({ page: 3, offset: 200, pages: 3 });
    expect(pageOffset('9', 250, 100)).toEqual({ page: 3, offset: 200, pages: 3 });
    expect(pageOffset('0', 250, 100)).toEqual({ page: 1, offset: 0, pages: 3 });
    expect(pageOffset('x', 0, 100)).toEqual({ page: 1, offset: 0, pages: 1 });
    // Before the first answer the page asked for is taken as it is.
    expect(pageOffset('4', undefined, 100)).toEqual({ page: 4, offset: 300, pages: 4 });
  });

  it('names the rows a page draws, never past the total', () => {
    expect(shownRange(100, 100, 211)).toEqual({ from: 101, to: 200 });
    expect(shownRange(200, 11, 211)).toEqual({ from: 201, to: 211 });
    // The drawn page's offset with another page's rows (one that has since shrunk) still names rows there are.
    expect(shownRange(200, 100, 211)).toEqual({ from: 201, to: 211 });
    expect(shownRange(0, 0, 211)).toBeNull();
    expect(shownRange(0, 0, 0)).toBeNull();
  });
});
