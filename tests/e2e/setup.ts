/** Builds the fixture site and serves it on 127.0.0.1 for the browser tests. */
import type { TestProject } from 'vitest/node';
import { buildFixtureSite, SITE_ROOT } from '../build/setup.ts';
import { serve } from '../static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  buildFixtureSite();
  const server = await serve(SITE_ROOT);
  project.provide('baseUrl', `${server.url}/ipcle/`);
  return () => server.close();
}
