// An accessible table: a caption, column headers, a header cell per row. Every chart has one.
import type { ComponentChildren } from 'preact';

export interface TableColumn {
  readonly key: string;
  readonly label: string;
  /** Right-aligned numbers. */
  readonly numeric?: boolean;
}

export interface DataTableProps {
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  /** Cell text by column key; the first column is the row header. */
  readonly rows: readonly Readonly<Record<string, string>>[];
}

/**
 * The box a table sits in. A wide table scrolls sideways inside it, so the box is a named region that can take focus:
 * a keyboard can scroll it too (WCAG 2.1.1).
 */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section class="od-table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

export function DataTable({ caption, columns, rows }: DataTableProps) {
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" class={c.numeric ? 'od-num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {columns.map((c, j) =>
                j === 0 ? (
                  <th key={c.key} scope="row">
                    {r[c.key]}
                  </th>
                ) : (
                  <td key={c.key} class={c.numeric ? 'od-num' : undefined}>
                    {r[c.key]}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
