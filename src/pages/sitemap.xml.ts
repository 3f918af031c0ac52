/** sitemap.xml listing every HTML page, with the site URL and base path. */
import type { APIRoute } from 'astro';
import { facetValues, FACETS, rowFacetValues, ROW_FACETS } from '../site/facets.ts';
import { getSite } from '../site/data.ts';
import { paths, siteUrls } from '../site/urls.ts';

export const GET: APIRoute = ({ site: siteUrl }) => {
  const { data } = getSite().loaded;
  const url = siteUrls(import.meta.env.BASE_URL);
  const pages = [
    paths.home(),
    paths.characteristics(),
    paths.accreditors(),
    paths.initiatives(),
    paths.matrix(),
    paths.report(),
    paths.reportAll(),
    paths.reviews(),
    paths.search(),
    paths.data(),
    paths.about(),
    paths.contribute(),
    paths.changelog(),
    ...data.characteristics.map((c) => paths.characteristic(c.id)),
    ...data.accreditors.map((a) => paths.accreditor(a.id)),
    ...data.editions.map((e) => paths.edition(e.id)),
    ...data.standards.map((s) => paths.standard(s.id)),
    ...data.initiatives.map((i) => paths.initiative(i.id)),
    paths.recommendations(),
    paths.adoption(),
    ...data.recommendations.map((r) => paths.recommendation(r.id)),
    ...FACETS.flatMap((f) => facetValues(data.accreditors, f).map((v) => `${paths.matrix()}${f}/${v}/`)),
    ...ROW_FACETS.flatMap((f) => rowFacetValues(data.characteristics, f).map((v) => `${paths.matrix()}${f}/${v}/`)),
    paths.matrixByBody(),
    paths.glossary(),
  ];
  const urls = pages.map((p) => `<url><loc>${new URL(url.to(p), siteUrl).href}</loc></url>`).join('');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`,
    {
      headers: { 'Content-Type': 'application/xml' },
    },
  );
};
