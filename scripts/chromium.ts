/**
 * Debian's Chromium, as every browser run of the project starts it (tests, benchmark, Lighthouse).
 * Browser downloads are blocked on our machines: never `playwright install`.
 * Without the background-networking flags Chromium keeps trying hosts this closed network refuses.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
