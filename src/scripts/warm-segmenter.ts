/**
 * The first Chinese word segmenter a browser process builds (for the query's words, ours and Pagefind's) costs
 * 50–100 ms while its dictionary loads; the process keeps it. Built in a worker while Pagefind loads, that time is
 * off the main thread: the search waits for the worker's answer (up to a limit) rather than building its own. Where
 * workers or Intl.Segmenter are missing, or the worker fails or is late, the segmenter is built on first use.
 */
let warm: Promise<void> | undefined;

/**
 * Longest wait for the worker, from its start: about three times what it takes alone on a quiet machine (120–160 ms,
 * the segmenter's build included), since it starts while the page loads (with 300 ms the page often built its own);
 * a phone's network takes longer than that to bring Pagefind. A slower worker (a busy machine is slow to start a
 * thread) is not waited for: the search goes on and builds the segmenter itself.
 */
const WARM_LIMIT_MS = 500;

export function warmSegmenter(): Promise<void> {
  warm ??= new Promise<void>((done) => {
    if (typeof Worker === 'undefined' || typeof Intl.Segmenter !== 'function') return done();
    let worker: Worker;
    try {
      // A classic worker: it answered 40–60 ms sooner than a module worker in Chromium here (it needs no module loader).
      worker = new Worker(new URL('./segmenter-worker.ts', import.meta.url));
    } catch {
      return done();
    }
    // Past the limit the search goes on; the worker, left to finish, may still spare the page part of the work.
    const limit = setTimeout(done, WARM_LIMIT_MS);
    const finish = () => {
      clearTimeout(limit);
      worker.terminate();
      done();
    };
    worker.addEventListener('message', finish);
    worker.addEventListener('error', finish);
  });
  return warm;
}
