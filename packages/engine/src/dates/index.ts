export * from './age.js';
export * from './civil-date.js';
export * from './deadlines.js';
