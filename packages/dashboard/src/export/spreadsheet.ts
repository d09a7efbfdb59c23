// Spreadsheet and CSV exports of what the dashboard shows. exceljs is loaded on demand, only when someone asks for a
// spreadsheet. Hidden numbers are written as the words "fewer than 5", never as the number.
import { dashboardTables, type ExportTable, tableToCsv } from '@onward/engine';

/** The tables of a dashboard, in sheet order (built by the engine from one protected output). */
export { dashboardTables };

type ExcelModule = typeof import('exceljs');

async function loadExcel(): Promise<ExcelModule> {
  const m = (await import('exceljs')) as unknown as ExcelModule & { default?: ExcelModule };
  return (m.default ?? m) as ExcelModule;
}

/**
 * An .xlsx workbook: a "read me" sheet saying what each sheet holds and whether small numbers are hidden, then one
 * sheet per table with its column names (docs/data-dictionary.md) in the first row, frozen.
 */
export async function toXlsx(
  tables: readonly ExportTable[],
  notes: { asAt: string; exact: boolean; threshold?: number },
): Promise<Uint8Array> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Onward';
  wb.created = new Date(`${notes.asAt}T00:00:00Z`);
  const readme = wb.addWorksheet('read me');
  readme.addRow(['Onward insights', `as at ${notes.asAt}`]);
  readme.addRow([
    notes.exact
      ? 'Exact numbers: this file may identify young people. Keep it safe and share it only with people allowed to see it.'
      : `Numbers from 1 to ${(notes.threshold ?? 5) - 1}, and percentages built on them, are shown as "fewer than ${notes.threshold ?? 5}" to protect young people; "hidden" numbers would give one of them away.`,
  ]);
  readme.addRow([]);
  readme.addRow(['sheet', 'what it holds']);
  for (const t of tables) readme.addRow([t.name, t.title]);
  readme.getColumn(1).width = 14;
  readme.getColumn(2).width = 80;
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow([...t.columns]).font = { bold: true };
    for (const r of t.rows) ws.addRow(t.columns.map((c) => r[c] ?? null));
    t.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = Math.min(40, Math.max(10, c.length + 2));
    });
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** CSV of one table. */
export function toCsvFile(table: ExportTable): string {
  return tableToCsv(table);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv;charset=utf-8';
