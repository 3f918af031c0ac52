/**
 * Disk side of reviewing: record a review in its standard's file (planned and checked by
 * src/lib/review/writer.ts, written atomically only if the file did not change meanwhile), the local
 * review server of `npm run review`, and the conversion of a filed review issue for the workflow.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { STRENGTHS, type MappingReview, type Profession, type Strength } from '../../schemas/index.ts';
import { loadFiles, type SourceFile } from '../content.ts';
import { readContentDir } from './content-dir.ts';
import { issueToReview, type FiledIssue } from '../review/issue-form.ts';
import { reviewPage } from '../review/page.ts';
import {
  DecisionError,
  lackingProfession,
  parseMappingKey,
  reviewRecord,
  reviewedMappings,
  verdictText,
  type Decision,
} from '../review/records.ts';
import { planReview, ReviewWriteError, type ReviewPlan } from '../review/writer.ts';
import { writeFileAtomic } from './files.ts';

/** Add one review record to the content folder; returns the plan that was written. */
export function recordReview(
  contentDir: string,
  standard: string,
  characteristic: string,
  review: MappingReview,
  today: string,
): ReviewPlan {
  const sources = readContentDir(contentDir);
  const path = standardPath(sources, standard);
  const plan = planReview(sources, path, characteristic, review, { today });
  if (readFileSync(plan.path, 'utf8') !== plan.before)
    throw new ReviewWriteError(
      `${plan.path} changed while the review was being prepared; nothing written, record it again`,
    );
  writeFileAtomic(plan.path, plan.after, { force: true });
  if (readFileSync(plan.path, 'utf8') !== plan.after)
    throw new ReviewWriteError(`${plan.path} does not hold what was written`);
  return plan;
}

function standardPath(sources: readonly SourceFile[], standard: string): string {
  const file = sources.find(
    (s) =>
      s.segments.length === 3 &&
      s.segments[0] === 'standards' &&
      `${s.segments[1]}/${s.segments[2]}` === `${standard}.md`,
  );
  if (!file) throw new ReviewWriteError(`no standard \`${standard}\` in the content folder`);
  return file.path;
}

/** Convert the issue in a GitHub `issues` event file and record it. Returns what the pull request says. */
export function recordIssueReview(
  eventPath: string,
  contentDir: string,
  today: string,
): { plan: ReviewPlan; prBody: string; branch: string; title: string } {
  const event = JSON.parse(readFileSync(eventPath, 'utf8')) as {
    issue?: {
      number: number;
      body: string | null;
      created_at: string;
      html_url?: string;
      user: { login: string; type?: string };
    };
  };
  const issue = event.issue;
  if (!issue) throw new ReviewWriteError(`${eventPath} holds no issue`);
  const filed: FiledIssue = {
    body: issue.body,
    author: issue.user.login,
    ...(issue.user.type !== undefined && { authorType: issue.user.type }),
    createdAt: issue.created_at,
  };
  const content = loadFiles(readContentDir(contentDir));
  const result = issueToReview(filed, content.standards);
  if (!result.ok)
    throw new ReviewWriteError(
      `issue #${issue.number} cannot be recorded:\n${result.errors.map((e) => `- ${e}`).join('\n')}`,
    );
  const plan = recordReview(contentDir, result.standard, result.characteristic, result.review, today);
  const r = result.review;
  const prBody = [
    `Adds the review of \`${result.standard}\` → \`${result.characteristic}\` filed by @${issue.user.login} in #${issue.number}.`,
    '',
    `Credited as **${r.reviewer}** (${r.profession}), ${r.date}: ${verdictText(r)}${r.note ? ` — ${r.note}` : ''}.`,
    '',
    'Lines added (nothing else changes):',
    '',
    '```yaml',
    ...plan.added,
    '```',
    '',
    `Closes #${issue.number}`,
  ].join('\n');
  return {
    plan,
    prBody,
    branch: `review/issue-${issue.number}`,
    title: `Review: ${result.standard} → ${result.characteristic} (#${issue.number})`,
  };
}

export interface ReviewServerOptions {
  contentDir: string;
  reviewer: string;
  profession: Profession;
  today: string;
  port?: number;
}

export interface ReviewServer {
  url: string;
  close(): Promise<void>;
}

const MAX_POST_BYTES = 64 * 1024;

/** Serve the review page on 127.0.0.1; every recorded decision is on disk before the page reloads. */
export async function startReviewServer(o: ReviewServerOptions): Promise<ReviewServer> {
  const token = randomBytes(16).toString('hex');
  const recorded: string[] = [];
  let message: { kind: 'ok' | 'error'; text: string } | undefined;
  let origin = '';

  const render = (res: ServerResponse) => {
    const content = loadFiles(readContentDir(o.contentDir));
    const labels = new Map(content.accreditors.map((a) => [a.id, a.data.label ?? a.data.abbreviation]));
    const names = new Map(content.characteristics.map((c) => [c.id, c.data.name]));
    const html = reviewPage({
      reviewer: o.reviewer,
      profession: o.profession,
      token,
      pending: lackingProfession(reviewedMappings(content), o.profession),
      bodyLabel: (id) => labels.get(id) ?? id,
      characteristicName: (id) => names.get(id) ?? id,
      recorded,
      ...(message && { message }),
    });
    message = undefined;
    send(res, 200, html, 'text/html; charset=utf-8');
  };

  const decide = (form: URLSearchParams) => {
    if (form.get('token') !== token) throw new DecisionError('this form is from an older session; reload the page');
    const key = parseMappingKey(form.get('key') ?? '');
    if (!key) throw new DecisionError('the form names no mapping; reload the page');
    const content = loadFiles(readContentDir(o.contentDir));
    const mapping = content.standards
      .find((s) => s.id === key.standard)
      ?.data.mappings.find((m) => m.characteristic === key.characteristic);
    if (!mapping) throw new DecisionError(`${key.standard} no longer maps ${key.characteristic}; reload the page`);
    const review = reviewRecord(
      { reviewer: o.reviewer, profession: o.profession },
      o.today,
      mapping.strength,
      decisionFrom(form),
    );
    const plan = recordReview(o.contentDir, key.standard, key.characteristic, review, o.today);
    recorded.unshift(
      `${key.standard} → ${key.characteristic}: ${verdictText(review)}${review.note ? ` (${review.note})` : ''}`,
    );
    console.log(`recorded ${verdictText(review)} on ${key.standard} → ${key.characteristic} in ${plan.path}`);
    message = { kind: 'ok', text: `Recorded: ${recorded[0]}. Written to ${plan.path}.` };
  };

  const server = createServer((req, res) => {
    if (req.headers.host !== origin.slice('http://'.length)) return send(res, 421, 'wrong host', 'text/plain');
    if (req.method === 'GET' && req.url === '/') return render(res);
    if (req.method === 'POST' && req.url === '/decide') {
      if (req.headers.origin !== undefined && req.headers.origin !== origin)
        return send(res, 403, 'cross-site post refused', 'text/plain');
      readForm(req)
        .then((form) => {
          try {
            decide(form);
          } catch (e) {
            if (!(e instanceof DecisionError || e instanceof ReviewWriteError)) throw e;
            message = { kind: 'error', text: `Not recorded: ${e.message}` };
          }
          res.writeHead(303, { location: '/' }).end();
        })
        .catch((e: Error) => send(res, 400, e.message, 'text/plain'));
      return;
    }
    send(res, 404, 'not found', 'text/plain');
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function decisionFrom(form: URLSearchParams): Decision {
  const comment = (form.get('comment') ?? '').trim();
  const c = comment ? { comment } : {};
  switch (form.get('decision')) {
    case 'agree':
      return { kind: 'agree', ...c };
    case 'disagree':
      if (!comment) throw new DecisionError('say why you disagree in the comment');
      return { kind: 'disagree', comment };
    case 'strength': {
      const s = form.get('strength') ?? '';
      if (!(STRENGTHS as readonly string[]).includes(s))
        throw new DecisionError(`choose the strength you suggest (${STRENGTHS.join(', ')})`);
      return { kind: 'strength', strength: s as Strength, ...c };
    }
    default:
      throw new DecisionError('choose agree, disagree or another strength');
  }
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_POST_BYTES) {
        reject(new Error('form too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    'x-frame-options': 'DENY',
  });
  res.end(body);
}
