export * from './builders.js';
export * from './projection.js';
export * from './types.js';
export * from './upgrade.js';
export * from './validate.js';
