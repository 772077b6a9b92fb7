/**
 * Suggestions for a query that finds nothing: shorter pieces of it, most likely words first. A citizen who types a
 * whole phrase (乡村兽医诊所许可) is better served by 乡村兽医 or 兽医. The page checks each piece before offering it.
 */
const PUNCTUATION = /[\p{P}\p{S}\s]+/u;

/** Pieces of the query to try, longest first, at most `limit`. */
export function shorterQueries(query: string, limit = 6): string[] {
  const out: string[] = [];
  const add = (s: string) => {
    const t = s.trim();
    if (t.length >= 2 && t !== query.trim() && !out.includes(t)) out.push(t);
  };
  const parts = query.split(PUNCTUATION).filter((p) => p.length > 0);
  if (parts.length > 1) parts.forEach(add);
  for (const part of parts) {
    const chars = [...part];
    if (chars.length >= 4) {
      const half = Math.ceil(chars.length / 2);
      add(chars.slice(0, half).join(''));
      add(chars.slice(half).join(''));
    }
    for (let i = 0; i + 2 <= chars.length; i += 2) add(chars.slice(i, i + 2).join(''));
  }
  return out.slice(0, limit);
}
