/**
 * Values every page of a build shares (the site's settings, the department grouping, which notices have lapsed):
 * computed once per build instead of once per page. A page that recomputed them read the whole content folder
 * (loadContent checks every file's size and date) or a whole collection, so a build slowed with the square of
 * its size. Content cannot change while `astro build` runs; in `astro dev` and in tests each call computes
 * afresh, so an edited file shows at once.
 */
const values = new Map<string, unknown>();

/** `compute()` once per key while building (an async value: its promise, once); afresh otherwise. */
export function oncePerBuild<T>(key: string, compute: () => T, building: boolean = import.meta.env?.PROD === true): T {
  if (!building) return compute();
  if (!values.has(key)) values.set(key, compute());
  return values.get(key) as T;
}
