// Pins the public exports of @onward/dashboard and @onward/dashboard/node: a change here is a change to the API.
import { describe, expect, it } from 'vitest';
import * as dashboard from '../src/index.js';
import * as node from '../src/node.js';

describe('public exports', () => {
  it('@onward/dashboard', () => {
    expect(Object.keys(dashboard).sort()).toEqual([
      'CSV_TYPE',
      'ChartFigure',
      'Dashboard',
      'DataTable',
      'GROUP_LABELS',
      'MEASURE_LABELS',
      'OnwardDashboardElement',
      'XLSX_TYPE',
      'adoptDashboardCss',
      'buildDashboardData',
      'cohortSummary',
      'dashboardCss',
      'dashboardTables',
      'dayName',
      'defineDashboardElement',
      'domainQuestionsSummary',
      'domainSummary',
      'download',
      'drillDownFor',
      'labelsFrom',
      'loadChartJs',
      'monthName',
      'moodSummary',
      'questionSummary',
      'toCsvFile',
      'toXlsx',
      'trendSummary',
    ]);
  });

  it('@onward/dashboard/node has no DOM parts', () => {
    expect(Object.keys(node).sort()).toEqual([
      'CSV_TYPE',
      'GROUP_LABELS',
      'MEASURE_LABELS',
      'XLSX_TYPE',
      'buildDashboardData',
      'cohortSummary',
      'dashboardTables',
      'dayName',
      'domainQuestionsSummary',
      'domainSummary',
      'drillDownFor',
      'labelsFrom',
      'monthName',
      'moodSummary',
      'questionSummary',
      'toCsvFile',
      'toXlsx',
      'trendSummary',
    ]);
  });
});
