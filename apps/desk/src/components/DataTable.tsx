import type { ReactNode } from 'react';

/** One column of a {@link DataTable}: its header and how a row fills its cell. */
export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The cell names its row (`<th scope="row">`), so screen readers announce it with each cell. */
  rowHeader?: boolean;
  className?: string | ((row: Row) => string | undefined);
}

interface DataTableProps<Row> {
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Said by screen readers before the table; hidden when a heading already says it on screen. */
  caption?: ReactNode;
  captionHidden?: boolean;
  className?: string;
  rowClassName?: (row: Row) => string | undefined;
  /** On a narrow screen each row becomes a card, each value under its column's name (default); false keeps the grid. */
  stack?: boolean;
}

/**
 * The desk's one table: column headers with scope, an optional caption, and a wrapper that
 * scrolls sideways when a grid is wider than the screen (focusable, so the keyboard can scroll it).
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  captionHidden,
  className,
  rowClassName,
  stack = true,
}: DataTableProps<Row>) {
  return (
    <div className="scroll" tabIndex={0}>
      <table className={[className, stack ? 'stack' : undefined].filter(Boolean).join(' ') || undefined}>
        {caption && <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column.key} className={typeof column.className === 'string' ? column.className : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((column) => {
                const className = typeof column.className === 'function' ? column.className(row) : column.className;
                const label = typeof column.header === 'string' ? column.header : undefined;
                return column.rowHeader ? (
                  <th scope="row" key={column.key} className={className} data-label={label}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={className} data-label={label}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
