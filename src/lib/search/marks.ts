/**
 * Performance measures (`search:*`) around the search's steps, so a profile (the bench reads them, DevTools shows
 * them in the Timings track) tells the Pagefind calls, the fragment loads and the literal check apart. A no-op
 * where `performance.measure` is missing.
 */
const perf: Performance | undefined = typeof performance !== 'undefined' && typeof performance.measure === 'function' ? performance : undefined;

/** Run `step` and record its duration as the measure `search:${name}`. */
export async function timed<T>(name: string, step: () => Promise<T>): Promise<T> {
  if (!perf) return step();
  const start = perf.now();
  try {
    return await step();
  } finally {
    perf.measure(`search:${name}`, { start, end: perf.now() });
  }
}

/** The synchronous form of `timed`. */
export function timedSync<T>(name: string, step: () => T): T {
  if (!perf) return step();
  const start = perf.now();
  try {
    return step();
  } finally {
    perf.measure(`search:${name}`, { start, end: perf.now() });
  }
}
