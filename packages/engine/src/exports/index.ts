// Exports: CSV, JSON tables and the case-management import record.
export * from './case-management.js';
export * from './csv.js';
export * from './insights-export.js';
