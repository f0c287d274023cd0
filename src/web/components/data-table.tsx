import { type ReactNode, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { useAppState } from '../lib/app-state.js';
import { setQuery, useQueryParam } from '../lib/router.js';
import { buildCsv, nextSort, pageOffset, parseSort, searchRows, shownRange, sortRows, TABLE_PAGE, type TableColumn } from './data-table.data.js';
import { downloadBlob, downloadText, todayIso } from './download.js';

// The one table every page uses: click a column's header to sort by it, search the text of every column (names
// as shown, so "Germany" and a capability's name find rows), download what is shown as CSV with each row's
// sources and the as-of date. Sort and search live in the URL (`<name>.sort`, `<name>.q`). On a phone each row
// becomes a card (every cell labelled with its column) and the headers a row of sort buttons; nothing widens
// the page. In server mode (`server`) the rows are one page the server searched, sorted and cut: the table keeps
// the same URL state (plus `<name>.page`), asks through useServerTableState and lets the server write the files.
// Its pager stays at the bottom of the screen while the table is in view (a page of 100 cards is ~20,000 px on a
// phone), and turning a page brings the table's top into view, so the new page starts at its first row.

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
  /** The rows are one page of the server's (see useServerTableState): how many match, and the server's export. */
  server?: ServerRows;
}

/** What a server-mode table draws beside its page of rows. */
export interface ServerRows {
  /** How many rows match the search and filters (undefined until the first answer). */
  total: number | undefined;
  /** Where the rows drawn start in the whole list (the last answer's, while another page loads). */
  offset: number | undefined;
  /** A request for another page, sort or search is under way. */
  busy: boolean;
  /** Make the whole searched, sorted list as a file on the server. */
  download: (format: 'csv' | 'xlsx') => Promise<{ blob: Blob; filename: string }>;
}

/** The sort, search and page a server-mode table shows, from the URL: what its page asks the server for. */
export function useServerTableState(name: string, total: number | undefined): { sort: string; query: string; page: number; offset: number; limit: number } {
  const [sort] = useQueryParam(`${name}.sort`);
  const [query] = useQueryParam(`${name}.q`);
  const [pageText] = useQueryParam(`${name}.page`);
  const { page, offset } = pageOffset(pageText, total);
  return { sort, query, page, offset, limit: TABLE_PAGE };
}

/** A sortable, searchable, exportable table. */
export function DataTable<R>(props: Props<R>) {
  const { name, caption, rows, columns, rowKey, sources, searchExtra, searchable = true, rowAttributes, actions, empty, server } = props;
  const { t, n, language } = useI18n();
  const { asOf } = useAppState();
  const [sortText] = useQueryParam(`${name}.sort`);
  const [query] = useQueryParam(`${name}.q`);
  const [pageText] = useQueryParam(`${name}.page`);
  // A new search or sort starts at the first page.
  const setSort = (value: string): void => setQuery({ [`${name}.sort`]: value || undefined, [`${name}.page`]: undefined });
  const setSearch = (value: string): void => setQuery({ [`${name}.q`]: value || undefined, [`${name}.page`]: undefined }, { replace: true });
  const root = useRef<HTMLDivElement>(null);
  const setPage = (page: number): void => {
    setQuery({ [`${name}.page`]: page > 1 ? String(page) : undefined });
    if (root.current && root.current.getBoundingClientRect().top < 0) root.current.scrollIntoView({ block: 'start' });
  };
  const order = parseSort(sortText, columns);
  const shown = useMemo(
    () => (server ? [...rows] : sortRows(searchRows(rows, columns, query, searchExtra), columns, order, language === 'de' ? 'de-DE' : 'en-GB')),
    [server !== undefined, rows, columns, query, searchExtra, order?.column, order?.descending, language],
  );
  const paging = server ? pageOffset(pageText, server.total) : undefined;
  // While another page loads, the rows drawn are still the last answer's: the count names those.
  const range = server?.total === undefined ? null : shownRange(server.offset ?? 0, shown.length, server.total);
  const count = !server
    ? t('table.count', { shown: n(shown.length), total: n(rows.length) })
    : server.total === undefined
      ? t('common.loading')
      : range
        ? t('table.range', { from: n(range.from), to: n(range.to), total: n(server.total) })
        : t('table.count', { shown: 0, total: n(server.total) });
  const [fileState, setFileState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const serverDownload = async (format: 'csv' | 'xlsx'): Promise<void> => {
    if (!server) return;
    setFileState({ busy: true });
    try {
      const file = await server.download(format);
      downloadBlob(file.filename, file.blob);
      setFileState({ busy: false });
    } catch (caught) {
      setFileState({ busy: false, error: caught instanceof Error ? caught.message : String(caught) });
    }
  };
  const download = (): void => {
    if (server) {
      void serverDownload('csv');
      return;
    }
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
    <div className="data-table" data-table={name} ref={root}>
      <div className="table-tools">
        {searchable && (
          <label>
            {t('table.search')}{' '}
            <input type="search" value={query} onChange={(event) => setSearch(event.target.value)} data-testid={`${name}-search`} />
          </label>
        )}
        <span className="muted" role="status">{count}</span>
        {actions}
        <button type="button" onClick={download} disabled={fileState.busy} data-testid={`${name}-csv`}>{t('table.csv')}</button>
        {server && <button type="button" onClick={() => void serverDownload('xlsx')} disabled={fileState.busy} data-testid={`${name}-xlsx`}>{t('table.xlsx')}</button>}
        {fileState.error && <span role="alert" className="error">{t('common.error', { message: fileState.error })}</span>}
      </div>
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0} aria-busy={server?.busy ? 'true' : 'false'}>
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
        {shown.length === 0 && !server?.busy && <p className="muted">{empty ?? t('table.noMatch')}</p>}
      </div>
      {server && paging && paging.pages > 1 && (
        <nav className="table-pages" aria-label={t('table.pages', { table: caption })}>
          <button type="button" onClick={() => setPage(paging.page - 1)} disabled={paging.page <= 1} data-testid={`${name}-previous`}>{t('table.previous')}</button>
          <span>{t('table.page', { page: n(paging.page), pages: n(paging.pages) })} <span className="muted">({count})</span></span>
          <button type="button" onClick={() => setPage(paging.page + 1)} disabled={paging.page >= paging.pages} data-testid={`${name}-next`}>{t('table.next')}</button>
        </nav>
      )}
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
