/**
 * The first Chinese word segmenter a browser process builds (the query's words, ours and Pagefind's) costs 50–100 ms
 * while the dictionary loads; the process keeps it. Built in a worker while Pagefind loads, it is off the main
 * thread and off the first query's path. Where workers or Intl.Segmenter are missing, nothing happens: the
 * segmenter is then built on first use, as before.
 */
let started = false;

export function warmSegmenter(): void {
  if (started || typeof Worker === 'undefined' || typeof Intl.Segmenter !== 'function') return;
  started = true;
  try {
    const worker = new Worker(new URL('./segmenter-worker.ts', import.meta.url), { type: 'module' });
    const done = () => worker.terminate();
    worker.addEventListener('message', done);
    worker.addEventListener('error', done);
  } catch {
    // A worker the page may not start: the segmenter is built on first use.
  }
}
