import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Rows a paged list asks for unless the address says otherwise (`?limit=`, 1 to 1000): the server's own default. */
export const DEFAULT_PAGE_SIZE = 100;

export function pageSizeParam(raw: string | null, fallback = DEFAULT_PAGE_SIZE): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : fallback;
}

/**
 * Keyset paging: the cursors of the pages before this one, so "Previous" can go back. A new
 * `listKey` (other filters) starts again at the first page.
 */
export function useCursorPages(listKey: string) {
  const [state, setState] = useState<{ listKey: string; cursors: string[] }>({ listKey, cursors: [] });
  const cursors = state.listKey === listKey ? state.cursors : [];
  return {
    cursor: cursors.at(-1),
    page: cursors.length + 1,
    previous: () => setState({ listKey, cursors: cursors.slice(0, -1) }),
    next: (cursor: string) => setState({ listKey, cursors: [...cursors, cursor] }),
  };
}

interface PagerProps {
  /** What is paged, for screen readers ("Pages of the delivery ledger"). */
  label: string;
  pages: ReturnType<typeof useCursorPages>;
  pageSize: number;
  shown: number;
  /** The server's cursor for the next page; none on the last page. */
  next: string | null | undefined;
}

/** "Previous" and "Next" with the page and the rows shown ("rows 51–100"); hidden when all fits on one page. */
export function Pager({ label, pages, pageSize, shown, next }: PagerProps) {
  const { t } = useTranslation();
  if (pages.page === 1 && !next) return null;
  const from = (pages.page - 1) * pageSize + 1;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" disabled={pages.page === 1} onClick={pages.previous}>
        {t('pager.previous')}
      </button>
      <span aria-live="polite">
        {t('pager.page', { page: pages.page })}
        {shown > 0 && <small className="block">{t('pager.rows', { from, to: from + shown - 1 })}</small>}
      </span>
      <button type="button" disabled={!next} onClick={() => next && pages.next(next)}>
        {t('pager.next')}
      </button>
    </nav>
  );
}
