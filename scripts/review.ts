#!/usr/bin/env node
/**
 * npm run review -- --reviewer "Name" --profession PROFESSION [--content DIR] [--port N]
 *   Serves a local review page on 127.0.0.1 listing the mappings that still lack a review from this
 *   profession; each decision is written to its content file at once. Ctrl+C stops it; nothing is lost.
 * npm run review -- --from-issue EVENT.json [--content DIR] [--pr-body FILE]
 *   (the review-to-pr workflow) records the review filed in a GitHub issue and writes the pull-request text.
 * Exit 0 ok, 1 the review cannot be recorded, 2 bad usage.
 */
import { writeFileSync } from 'node:fs';
import { PROFESSIONS, type Profession } from '../src/schemas/index.ts';
import { MAX_SHORT_CHARS } from '../src/lib/limits.ts';
import { runMain, startCli, type Fail } from '../src/lib/node/cli.ts';
import { siteToday } from '../src/lib/node/crosswalk.ts';
import { recordIssueReview, startReviewServer } from '../src/lib/node/review.ts';
import { ReviewWriteError } from '../src/lib/review/writer.ts';
import { didYouMean } from '../src/lib/suggest.ts';

const USAGE = `usage: npm run review -- --reviewer "Your Name" --profession PROFESSION [--content DIR] [--port N]
       npm run review -- --from-issue EVENT.json [--content DIR] [--pr-body FILE]
professions: ${PROFESSIONS.join(', ')}`;

/** The script, callable in-process: its exit code; a usage or content failure throws a CliExit. */
export async function main(argv: string[]): Promise<number> {
  const cli = startCli('review', USAGE, {
    args: argv,
    options: {
      reviewer: { type: 'string' },
      profession: { type: 'string' },
      content: { type: 'string', default: 'content' },
      port: { type: 'string', default: '0' },
      'from-issue': { type: 'string' },
      'pr-body': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const fail: Fail = cli.fail;
  const v = cli.args.values;
  const today = siteToday();

  if (v['from-issue'] !== undefined) {
    try {
      const r = recordIssueReview(v['from-issue'], v.content, today);
      if (v['pr-body']) writeFileSync(v['pr-body'], `${r.prBody}\n`);
      // The workflow reads these two lines; the title is the pull request's.
      console.log(`branch=${r.branch}`);
      console.log(`title=${r.title}`);
    } catch (e) {
      if (e instanceof ReviewWriteError) fail(1, e.message);
      throw e;
    }
  } else {
    const reviewer = (v.reviewer ?? '').trim();
    if (!reviewer) fail(2, 'give your name as you wish to be credited: --reviewer "Your Name"');
    if (reviewer.length > MAX_SHORT_CHARS) fail(2, `--reviewer is at most ${MAX_SHORT_CHARS} characters`);
    const profession = v.profession ?? '';
    if (!(PROFESSIONS as readonly string[]).includes(profession)) {
      const hint = didYouMean(profession, PROFESSIONS);
      fail(2, `--profession "${profession}" is not in the controlled list${hint ? `; ${hint}` : ''}`);
    }
    const port = Number(v.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(2, `--port "${v.port}" is not a port number`);
    const server = await startReviewServer({
      contentDir: v.content,
      reviewer,
      profession: profession as Profession,
      today,
      port,
    });
    console.log(`review page: ${server.url}  (Ctrl+C to stop; every decision is already saved)`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
  return 0;
}

if (import.meta.main) await runMain(main);
