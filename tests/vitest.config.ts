import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/unit/**/*.test.ts'],
    // A ceiling, not a target: the first render in Astro's container compiles its component, which takes longer
    // than Vitest's default 5 s on a busy 2-core machine.
    testTimeout: 30_000,
    // One module graph per worker for all its files, not a fresh one per file (a quarter of the suite's time): the
    // tests restore what they stub (fetch, timers) and give every child build its own folders.
    isolate: false,
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
});
