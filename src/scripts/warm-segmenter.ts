/**
 * The first Chinese word segmenter a browser process builds (for the query's words, ours and Pagefind's) costs
 * 50–100 ms while its dictionary loads; the process keeps it. Built in a worker while Pagefind loads, that time is
 * off the main thread, and the search, waiting for the worker's answer rather than building its own, never blocks
 * the page. Where workers or Intl.Segmenter are missing, or the worker fails, the segmenter is built on first use.
 */
let warm: Promise<void> | undefined;

/** Longest wait for the worker: past it the search goes on (and builds the segmenter itself if still needed). */
const WARM_LIMIT_MS = 3000;

export function warmSegmenter(): Promise<void> {
  warm ??= new Promise<void>((done) => {
    if (typeof Worker === 'undefined' || typeof Intl.Segmenter !== 'function') return done();
    let worker: Worker;
    try {
      worker = new Worker(new URL('./segmenter-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return done();
    }
    const finish = () => {
      clearTimeout(limit);
      worker.terminate();
      done();
    };
    const limit = setTimeout(finish, WARM_LIMIT_MS);
    worker.addEventListener('message', finish);
    worker.addEventListener('error', finish);
  });
  return warm;
}
