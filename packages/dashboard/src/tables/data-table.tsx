// An accessible table: a caption, column headers, a header cell per row. Every chart has one.
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

export function DataTable({ caption, columns, rows }: DataTableProps) {
  return (
    <div class="od-table-wrap">
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
    </div>
  );
}
