// The dashboard's figures are put together by the engine (one home for the rule, shared with the server and the
// CLI); re-exported here so pages importing @onward/dashboard keep one import.
export { buildDashboardData, type DashboardData, type DashboardQuery, drillDownFor } from '@onward/engine';
