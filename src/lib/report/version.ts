/** Version of the gap-report JSON shape; bump the major on a breaking change, the minor when fields are added (kept zod-free for the browser). */
export const REPORT_SCHEMA_VERSION = '2.2';
