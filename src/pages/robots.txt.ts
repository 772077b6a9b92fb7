/**
 * /robots.txt — lets every crawler in and names the sitemap by its public URL, which depends on the `site`
 * (GONGKAI_SITE) and `base` (GONGKAI_BASE) settings; hence an endpoint, not a fixed file in public/.
 * Under a base path (/fgf/) the file is built at /fgf/robots.txt: the host's own /robots.txt should then carry
 * the same Sitemap line (crawlers read robots.txt only at the root of a host).
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('robots.txt needs the `site` setting (GONGKAI_SITE) for the sitemap URL');
  const sitemap = new URL('sitemap-index.xml', new URL(import.meta.env.BASE_URL, site));
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${sitemap.href}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
