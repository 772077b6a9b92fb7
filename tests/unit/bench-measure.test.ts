import { describe, expect, test } from 'vitest';
import { servedFromCache } from '../../bench/measure.ts';

// Sizes as Playwright reported them in Chromium for the site's icon: fetched (313 B body), then from the disk cache.
describe('servedFromCache', () => {
  test('a response from the browser cache: no bytes received', () => {
    expect(servedFromCache({ responseHeadersSize: 633, responseBodySize: -633 })).toBe(true);
  });
  test('a response from the server', () => {
    expect(servedFromCache({ responseHeadersSize: 708, responseBodySize: 313 })).toBe(false);
  });
  test('no sizes known (headers 0): not taken for the cache, the file on disk is counted instead', () => {
    expect(servedFromCache({ responseHeadersSize: 0, responseBodySize: 0 })).toBe(false);
  });
});
