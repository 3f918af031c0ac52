/** Version of the gap-report JSON shape; bump on any breaking change (kept zod-free for the browser). */
export const REPORT_SCHEMA_VERSION = '2.0';
