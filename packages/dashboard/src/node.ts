// The parts of @onward/dashboard that need no DOM: for servers and the `onward report` command.
export { buildDashboardData, type DashboardData, type DashboardQuery, drillDownFor } from './data.js';
export { CSV_TYPE, dashboardTables, toCsvFile, toXlsx, XLSX_TYPE } from './export/spreadsheet.js';
export { dayName, GROUP_LABELS, type Labels, labelsFrom, MEASURE_LABELS, monthName } from './labels.js';
export {
  cohortSummary,
  domainQuestionsSummary,
  domainSummary,
  moodSummary,
  questionSummary,
  trendSummary,
} from './summary.js';
