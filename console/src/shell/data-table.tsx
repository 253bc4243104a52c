import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';

/** The data-* attributes tests and styles find a row or a cell by. */
type DataAttributes = { readonly [name: `data-${string}`]: string | boolean | undefined };

type CellAttributes = TdHTMLAttributes<HTMLTableCellElement> & ThHTMLAttributes<HTMLTableCellElement> & DataAttributes;

export interface Column<Row> {
  /** React's key for the column; needed only when `header` is not a string. */
  readonly key?: string;
  readonly header: ReactNode;
  readonly cell: (row: Row) => ReactNode;
  /** The column names its row (`th scope="row"`): a screen reader says it before each other cell of the row. */
  readonly rowHeader?: boolean;
  /** Attributes of each of the column's cells: a class, a data attribute. */
  readonly cellAttributes?: CellAttributes;
}

interface DataTableProps<Row> {
  /** Names the scroll region, which a keyboard user tabs to and scrolls with the arrow keys. */
  readonly label: string;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  readonly rowAttributes?: (row: Row) => HTMLAttributes<HTMLTableRowElement> & DataAttributes;
  readonly className?: string;
  /** A screen reader announces changes (a list that polls, such as firing alerts). */
  readonly live?: boolean;
}

/**
 * Every table of the console: a table wider than the screen (a phone is 390 px) scrolls inside its
 * own focusable region instead of pushing the page sideways.
 */
export function DataTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  rowAttributes,
  className,
  live = false,
}: DataTableProps<Row>) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0} aria-live={live ? 'polite' : undefined}>
      <table className={className}>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={column.key ?? index} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowAttributes?.(row)}>
              {columns.map((column, index) =>
                column.rowHeader ? (
                  <th key={column.key ?? index} scope="row" {...column.cellAttributes}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key ?? index} {...column.cellAttributes}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
