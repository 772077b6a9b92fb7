/**
 * The results' list items, built as the engine finds each result (while the main thread waits for the other
 * fragments) rather than all at once when the last has come: the list is then only put together. `render` builds
 * one item (./search-view.ts gives it ./search-render.ts's renderHit).
 */
import { PAGE_SIZE } from '../lib/search/first-page.ts';
import type { Hit } from '../lib/search/types.ts';

export class HitItems<T> {
  private readonly built = new WeakMap<Hit, T>();
  /** Items built ahead since the last search or page of results. */
  private count = 0;
  private readonly render: (hit: Hit) => T;

  constructor(render: (hit: Hit) => T) {
    this.render = render;
  }

  /** A new search or page of results is starting. */
  reset(): void {
    this.count = 0;
  }

  /**
   * Build a found result's item ahead, a page of results at most: a query with synonyms checks every candidate of
   * each variant (hundreds of results at province scale), most of which are never shown.
   */
  found(hit: Hit): void {
    if (this.count >= PAGE_SIZE || this.built.has(hit)) return;
    this.built.set(hit, this.render(hit));
    this.count++;
  }

  /** A result's item: the one built ahead, used once (a list shown again builds its own), or a new one. */
  take(hit: Hit): T {
    const item = this.built.get(hit);
    if (item === undefined) return this.render(hit);
    this.built.delete(hit);
    return item;
  }
}
