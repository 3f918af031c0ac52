import type { PathSegment } from '../../diagnostics.ts';
import type { Rule } from '../types.ts';

const URL_KEYS = new Set(['url', 'sourceUrl', 'datesSource']);

/** Every URL field, however deep, uses https (readers follow these links from an https site). */
export const httpsUrls: Rule = {
  id: 'https-urls',
  description: 'every URL is https',
  run({ content }, report) {
    for (const file of content.files) {
      const walk = (v: unknown, path: PathSegment[]) => {
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
        else if (typeof v === 'string' && URL_KEYS.has(String(path[path.length - 1])) && !v.startsWith('https://')) {
          report({
            file,
            path,
            message: 'URL is not https',
            found: JSON.stringify(v),
            expected: 'a URL starting with https://',
            fix: v.startsWith('http://')
              ? `use ${JSON.stringify(v.replace('http://', 'https://'))} if the site serves it`
              : 'write the full https:// address',
          });
        }
      };
      walk(file.data, []);
    }
  },
};
