import type { PathSegment } from '../../diagnostics.ts';
import type { Rule } from '../types.ts';

const URL_KEYS = new Set(['url', 'sourceUrl', 'datesSource']);

/** Every URL field, however deep, uses https (readers follow these links from an https site). */
export const httpsUrls: Rule = {
  id: 'https-urls',
  description: 'every URL is https',
  run({ content }, report) {
    for (const file of content.files) {
      // One mutable path, copied only when something is reported: this walk visits every value of
      // every file, so it must not allocate per value.
      const path: PathSegment[] = [];
      const walk = (v: unknown, key: PathSegment | undefined) => {
        if (typeof v === 'string') {
          if (typeof key === 'string' && URL_KEYS.has(key) && !v.startsWith('https://')) {
            report({
              file,
              path: [...path],
              message: 'URL is not https',
              found: JSON.stringify(v),
              expected: 'a URL starting with https://',
              fix: v.startsWith('http://')
                ? `use ${JSON.stringify(v.replace('http://', 'https://'))} if the site serves it`
                : 'write the full https:// address',
            });
          }
        } else if (Array.isArray(v)) {
          for (let i = 0; i < v.length; i++) {
            path.push(i);
            walk(v[i], i);
            path.pop();
          }
        } else if (v && typeof v === 'object') {
          for (const k in v) {
            path.push(k);
            walk((v as Record<string, unknown>)[k], k);
            path.pop();
          }
        }
      };
      walk(file.data, undefined);
    }
  },
};
