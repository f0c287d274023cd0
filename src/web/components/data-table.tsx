import { type ReactNode, useMemo } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { useAppState } from '../lib/app-state.js';
import { useQueryParam } from '../lib/router.js';
import { buildCsv, nextSort, parseSort, searchRows, sortRows, type TableColumn } from './data-table.data.js';
import { downloadText, todayIso } from './download.js';

// The one table every page uses: click a column's header to sort by it, search the text of every column (names
// as shown, so "Germany" and a capability's name find rows), download what is shown as CSV with each row's
// sources and the as-of date. Sort and search live in the URL (`<name>.sort`, `<name>.q`). On a phone each row
// becomes a card (every cell labelled with its column) and the headers a row of sort buttons; nothing widens
// the page.

export interface Column<R> extends TableColumn<R> {
  header: string;
  /** How the cell is drawn (its text when not given). */
  cell?: (row: R) => ReactNode;
  numeric?: boolean;
  /** The cell names the row (a th with scope=row). */
  rowHeader?: boolean;
}

interface Props<R> {
  /** Names the table in the URL and the CSV file. */
  name: string;
  caption: string;
  rows: readonly R[];
  columns: readonly Column<R>[];
  rowKey: (row: R) => string;
  /** Each row's source ids (the CSV's sources column). */
  sources?: (row: R) => readonly string[];
  /** Text searched besides the columns (a note, an explanation). */
  searchExtra?: (row: R) => string;
  searchable?: boolean;
  /** Attributes of a row's tr (data-* for tests). */
  rowAttributes?: (row: R) => Record<string, string | number | undefined>;
  /** Shown beside the count ("New pledge"). */
  actions?: ReactNode;
  /** Shown when no row matches. */
  empty?: string;
}

/** A sortable, searchable, exportable table. */
export function DataTable<R>(props: Props<R>) {
  const { name, caption, rows, columns, rowKey, sources, searchExtra, searchable = true, rowAttributes, actions, empty } = props;
  const { t, language } = useI18n();
  const { asOf } = useAppState();
  const [sortText, setSort] = useQueryParam(`${name}.sort`);
  const [query, setQuery] = useQueryParam(`${name}.q`);
  const order = parseSort(sortText, columns);
  const shown = useMemo(() => sortRows(searchRows(rows, columns, query, searchExtra), columns, order, language === 'de' ? 'de-DE' : 'en-GB'), [rows, columns, query, searchExtra, order?.column, order?.descending, language]);
  const download = (): void => {
    const csv = buildCsv({
      headers: columns.map((column) => column.header),
      rows: shown.map((row) => columns.map((column) => column.text(row))),
      ...(columns.some((column) => column.id === 'sources') ? {} : { sources: shown.map((row) => sources?.(row) ?? []) }),
      asOf: asOf ?? todayIso(),
      sourcesHeader: t('common.sources'),
      asOfHeader: t('asOf.label'),
    });
    downloadText(`${name}-${asOf ?? todayIso()}.csv`, csv, 'text/csv;charset=utf-8');
  };
  return (
    <div className="data-table" data-table={name}>
      <div className="table-tools">
        {searchable && (
          <label>
            {t('table.search')}{' '}
            <input type="search" value={query} onChange={(event) => setQuery(event.target.value, { replace: true })} data-testid={`${name}-search`} />
          </label>
        )}
        <span className="muted" role="status">{t('table.count', { shown: shown.length, total: rows.length })}</span>
        {actions}
        <button type="button" onClick={download} data-testid={`${name}-csv`}>{t('table.csv')}</button>
      </div>
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const sorted = order?.column === column.id ? (order.descending ? 'descending' : 'ascending') : undefined;
                return (
                  <th key={column.id} scope="col" aria-sort={sorted} className={column.numeric ? 'number' : undefined}>
                    <button type="button" className="sort" onClick={() => setSort(nextSort(order, column.id))} title={t('table.sortBy', { column: column.header })}>
                      <SortLabel header={column.header} mark={sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'} />
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={rowKey(row)} {...rowAttributes?.(row)}>
                {columns.map((column) => {
                  const content = column.cell ? column.cell(row) : column.text(row);
                  const className = column.numeric ? 'number' : undefined;
                  return column.rowHeader ? (
                    <th key={column.id} scope="row" className={className} data-label={column.header}>{content}</th>
                  ) : (
                    <td key={column.id} className={className} data-label={column.header}>{content}</td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && <p className="muted">{empty ?? t('table.noMatch')}</p>}
      </div>
    </div>
  );
}

/** A header's label with its sort mark glued to the last word, so the mark never stands on a line of its own. */
function SortLabel({ header, mark }: { header: string; mark: string }) {
  const split = header.lastIndexOf(' ');
  const head = split < 0 ? '' : header.slice(0, split + 1);
  const last = split < 0 ? header : header.slice(split + 1);
  return (
    <>
      {head}
      <span className="sort-tail">
        {last}
        <span aria-hidden="true" className="sort-mark">{`\u00a0${mark}`}</span>
      </span>
    </>
  );
}
