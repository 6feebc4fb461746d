import type { ReactNode } from "react";

export interface Column {
  readonly label: string;
  /** Right-aligned figures (tabular digits), header included. */
  readonly numeric?: boolean;
}

/**
 * The app's data table: scrolls sideways inside its wrapper on narrow screens instead of the page,
 * column headers scoped to their columns, and a caption for screen readers when the table's heading is
 * not already next to it. Rows are the caller's: each table knows what its cells hold.
 */
export function DataTable({
  caption,
  columns,
  children,
}: {
  caption?: string;
  columns: readonly Column[];
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? "numeric" : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
