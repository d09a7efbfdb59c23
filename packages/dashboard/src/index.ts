// @onward/dashboard: insights as charts, tables, sentences and downloads (Preact; chart.js and exceljs on demand).
export { ChartFigure, type ChartFigureProps, type ChartSeries, loadChartJs } from './charts/chart-figure.js';
export { buildDashboardData, type DashboardData, type DashboardQuery, drillDownFor } from './data.js';
export { defineDashboardElement, OnwardDashboardElement } from './element.js';
export { download } from './export/download.js';
export { CSV_TYPE, dashboardTables, toCsvFile, toXlsx, XLSX_TYPE } from './export/spreadsheet.js';
export { dayName, GROUP_LABELS, type Labels, labelsFrom, MEASURE_LABELS, monthName } from './labels.js';
export { adoptDashboardCss, dashboardCss } from './styles.js';
export {
  cohortSummary,
  domainQuestionsSummary,
  domainSummary,
  moodSummary,
  questionSummary,
  trendSummary,
} from './summary.js';
export { DataTable, type DataTableProps, type TableColumn } from './tables/data-table.js';
export { Dashboard, type DashboardProps } from './views/dashboard.js';
