/**
 * The site's synonym list (content/synonyms.json) as the content check read and validated it, for the build: the
 * search page carries it as data (a JSON attribute its script reads with JSON.parse, never run). The review note
 * stays in the content file; the page needs only the words.
 */
import { resolve } from 'node:path';
import { loadContent } from '../validation/check-content.ts';
import type { SynonymEntry } from './synonyms.ts';

export function siteSynonyms(): SynonymEntry[] {
  const dir = resolve(process.env.GONGKAI_CONTENT_DIR ?? 'content');
  return loadContent(process.cwd(), dir).synonyms.synonyms.map((s) => ({ words: s.words, search: s.search }));
}
