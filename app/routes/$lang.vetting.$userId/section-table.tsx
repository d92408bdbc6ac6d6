// The person page's history sections (checks, recorded changes, credentials) share one shape:
// a heading, a sentence when there is nothing, otherwise a table with a header row.
import type { ReactNode } from "react";

export function SectionTable<Row>({
  id,
  heading,
  empty,
  columns,
  rows,
  rowKey,
  cells,
  wide = false,
}: {
  id: string;
  heading: string;
  empty: string;
  columns: string[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** The row's cells (a `th scope="row"` first where the row has a name). */
  cells: (row: Row) => ReactNode;
  wide?: boolean;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="table-wrap">
          <table className={wide ? "table--wide" : undefined}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)}>{cells(row)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
