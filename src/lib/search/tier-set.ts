/**
 * Which tiers of the index (./tiers.ts) Pagefind searches now. The first is always there (pagefind/, the newest
 * notices); others are added on demand, any one of them, in any order — a query the build-time literal index
 * (./literal-index.ts) places in the oldest tier adds that tier alone. Once added, a tier stays for the visit.
 */
import { timed } from './marks.ts';
import type { PagefindApi } from './types.ts';

export class TierSet {
  /** Tiers in the index (1 when Pagefind cannot add any). */
  readonly count: number;
  private readonly pf: PagefindApi;
  private readonly adding = new Map<number, Promise<void>>();
  private readonly added = new Set<number>([0]);
  /** The order tiers were handed to Pagefind in: its results without a query come tier by tier in this order. */
  private readonly order: number[] = [0];

  constructor(pf: PagefindApi, tiers: number) {
    this.pf = pf;
    this.count = pf.addTier ? Math.max(tiers, 1) : 1;
  }

  /** The tiers Pagefind searches now, ascending. */
  loaded(): number[] {
    return [...this.added].sort((a, b) => a - b);
  }

  /** The tiers in the order Pagefind holds them (see `order`). */
  pagefindOrder(): readonly number[] {
    return this.order;
  }

  has(n: number): boolean {
    return this.added.has(n);
  }

  get all(): boolean {
    return this.added.size >= this.count;
  }

  /** The first tier not added yet among `wanted` (every tier when absent), newest first. */
  nextMissing(wanted?: ReadonlySet<number>): number | undefined {
    for (let n = 0; n < this.count; n++) if (!this.added.has(n) && (!wanted || wanted.has(n))) return n;
    return undefined;
  }

  /** Add tier `n`; calls for a tier already on its way wait for that one. */
  add(n: number): Promise<void> {
    if (this.added.has(n) || n < 0 || n >= this.count || !this.pf.addTier) return Promise.resolve();
    let p = this.adding.get(n);
    if (!p) {
      this.order.push(n);
      p = timed('tier-merge', () => this.pf.addTier!(n))
        .then(
          () => void this.added.add(n),
          (e: unknown) => {
            this.order.splice(this.order.indexOf(n), 1);
            throw e;
          },
        )
        .finally(() => this.adding.delete(n));
      this.adding.set(n, p);
    }
    return p;
  }

  /** Add the next missing tier, newest first; false when every tier is there. */
  async addNext(): Promise<boolean> {
    const n = this.nextMissing();
    if (n === undefined) return false;
    await this.add(n);
    return true;
  }

  /** Add every tier (filter counts and filtered listings need them all). */
  async addAll(): Promise<void> {
    const missing = Array.from({ length: this.count }, (_, n) => n).filter((n) => !this.added.has(n));
    await Promise.all(missing.map((n) => this.add(n)));
  }
}
