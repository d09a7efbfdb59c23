// Insights: aggregates, trends, cohorts, costs, suppression and drill-down (pure functions, no DOM).

export type { CaseManagementRecord, InsightsYoungPerson } from '@onward/schemas';
export * from './aggregates.js';
export * from './build-index.js';
export * from './codes.js';
export * from './cohorts.js';
export * from './dashboard-data.js';
export { OPEN_END } from './dates.js';
export * from './drill-down.js';
export * from './engagement.js';
export * from './errors.js';
export * from './filters.js';
export * from './national.js';
export * from './population.js';
export * from './protect.js';
export * from './reference-data.js';
export * from './reporting.js';
export * from './roles.js';
export * from './settings.js';
export * from './suppression.js';
export * from './synthetic.js';
export * from './validate-record.js';
