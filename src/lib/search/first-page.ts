/**
 * The first page of the listing without a query, computed by the build (scripts/index.ts) and written as
 * pagefind/listing.json: the empty search page shows it without starting Pagefind (its WebAssembly, metadata and
 * fragments are a few hundred milliseconds of main-thread work on a phone), and starts Pagefind only when the reader
 * searches, filters or asks for more. The hits are built by the engine's own code from the fragments Pagefind wrote,
 * so they are the ones the engine would show.
 */
import type { Hit } from './types.ts';

export const FIRST_PAGE_FILE = 'listing.json';

/** Results per page of the search page (the engine's default too). */
export const PAGE_SIZE = 10;

export interface FirstPage {
  hits: Hit[];
}

/** Read pagefind/listing.json; anything malformed is an error (the page then lists through Pagefind). */
export function parseFirstPage(json: unknown): FirstPage {
  const hits = (json as { hits?: unknown } | null)?.hits;
  if (!Array.isArray(hits)) throw new Error(`pagefind/${FIRST_PAGE_FILE}: expected { hits: [...] }`);
  for (const [i, h] of hits.entries()) {
    const x = h as Partial<Hit> | null;
    const ok = x && typeof x.url === 'string' && typeof x.title === 'string' && typeof x.kind === 'string' && Array.isArray(x.excerpt) && typeof x.meta === 'object';
    if (!ok) throw new Error(`pagefind/${FIRST_PAGE_FILE}: hits[${i}] is not a result`);
  }
  return { hits: hits as Hit[] };
}
