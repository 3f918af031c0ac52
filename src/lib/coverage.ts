/**
 * The coverage engine: status of every (edition, characteristic) cell, roll-ups, editions in force on
 * a date, transitions, and integration opportunities. Pure functions over CrosswalkIndex; the CLI,
 * the site pages and the browser report builder all call these. One module per step, re-exported here.
 */
export * from './coverage/status.ts';
export * from './coverage/cells.ts';
export * from './coverage/editions.ts';
export * from './coverage/rollup.ts';
export * from './coverage/opportunities.ts';
