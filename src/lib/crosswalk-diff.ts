/**
 * What changed in the crosswalk between two states of the data, in three steps: compute the diff,
 * render it (PR comment, JSON), and write the release changelog. Re-exported here for callers.
 */
export * from './diff/compute.ts';
export * from './diff/render.ts';
export * from './diff/changelog.ts';
