/**
 * The security headers of scripts/deploy/security-headers.conf, read from that file so that scripts/serve.ts
 * sends exactly what the nginx example sends (one source, no copy to drift).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SECURITY_HEADERS_CONF = join(import.meta.dirname, 'security-headers.conf');

/** Headers that only mean something over HTTPS: the local server (plain HTTP) does not send them. */
export const HTTPS_ONLY = new Set(['strict-transport-security']);

/** `add_header Name "value" always;` lines → [name, value] pairs, in file order. */
export function readNginxHeaders(text: string): [string, string][] {
  const headers: [string, string][] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || line === '') continue;
    const m = /^add_header\s+([A-Za-z0-9-]+)\s+"([^"]*)"(?:\s+always)?\s*;$/.exec(line);
    if (!m) throw new Error(`${SECURITY_HEADERS_CONF}: expected add_header Name "value" always; got: ${line}`);
    headers.push([m[1]!, m[2]!]);
  }
  return headers;
}

/** What scripts/serve.ts sends on every response. */
export function servedSecurityHeaders(conf = SECURITY_HEADERS_CONF): Record<string, string> {
  return Object.fromEntries(readNginxHeaders(readFileSync(conf, 'utf8')).filter(([name]) => !HTTPS_ONLY.has(name.toLowerCase())));
}

export const NGINX_CONF = join(import.meta.dirname, 'nginx.conf');

export interface GzipRule {
  /** MIME types compressed on the fly (nginx always adds text/html). */
  types: Set<string>;
  /** Responses shorter than this are sent as they are. */
  minLength: number;
  level: number;
}

/**
 * The nginx example's on-the-fly compression (`gzip_types`, `gzip_min_length`, `gzip_comp_level`), read from its
 * text so that scripts/serve.ts compresses what a deployed site compresses, no more and no less.
 */
export function readNginxGzip(text: string): GzipRule {
  const directive = (name: string) => new RegExp(`^\\s*${name}\\s+([^;]+);`, 'm').exec(text)?.[1]?.trim().split(/\s+/);
  if (directive('gzip')?.[0] !== 'on') return { types: new Set(), minLength: Infinity, level: 0 };
  const number = (name: string, fallback: number) => {
    const v = directive(name)?.[0];
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v)) throw new Error(`${NGINX_CONF}: ${name} ${v}: expected a number`);
    return Number(v);
  };
  // nginx's defaults: gzip_min_length 20, gzip_comp_level 1.
  return { types: new Set(['text/html', ...(directive('gzip_types') ?? [])]), minLength: number('gzip_min_length', 20), level: number('gzip_comp_level', 1) };
}

/** What scripts/serve.ts compresses. */
export function servedGzip(conf = NGINX_CONF): GzipRule {
  return readNginxGzip(readFileSync(conf, 'utf8'));
}

/** One `location` of the nginx example, with the Cache-Control it adds. */
export interface CacheLocation {
  /** `=` exact, `~` regular expression, `''` prefix (nginx's modifiers; `^~` and `~*` are not used here). */
  modifier: '=' | '~' | '';
  pattern: string;
  cacheControl: string;
}

/**
 * The nginx example's locations (the uncommented ones; the sub-path example is commented out) and the Cache-Control
 * each adds, so that scripts/serve.ts caches what a deployed site caches.
 */
export function readNginxCaching(text: string): CacheLocation[] {
  const live = text.split('\n').filter((l) => !l.trim().startsWith('#')).join('\n');
  const locations: CacheLocation[] = [];
  for (const m of live.matchAll(/^\s*location\s+(?:(=|~)\s+)?(\S+)\s*\{([^}]*)\}/gm)) {
    const cache = /add_header\s+Cache-Control\s+"([^"]*)"/.exec(m[3]!);
    if (!cache) throw new Error(`${NGINX_CONF}: location ${m[2]} has no add_header Cache-Control "…" always;`);
    locations.push({ modifier: (m[1] ?? '') as CacheLocation['modifier'], pattern: m[2]!, cacheControl: cache[1]! });
  }
  return locations;
}

/**
 * The location nginx chooses for a path (its documented order): an exact match; else the first regular expression
 * that matches, in file order; else the longest prefix.
 */
export function nginxLocation(locations: CacheLocation[], path: string): CacheLocation | undefined {
  const exact = locations.find((l) => l.modifier === '=' && l.pattern === path);
  if (exact) return exact;
  const regex = locations.find((l) => l.modifier === '~' && new RegExp(l.pattern).test(path));
  if (regex) return regex;
  let longest: CacheLocation | undefined;
  for (const l of locations) if (l.modifier === '' && path.startsWith(l.pattern) && l.pattern.length > (longest?.pattern.length ?? -1)) longest = l;
  return longest;
}

/** What scripts/serve.ts sends as Cache-Control for a path under the site's base ('/pagefind/…'). */
export function servedCaching(conf = NGINX_CONF): (path: string) => string {
  const locations = readNginxCaching(readFileSync(conf, 'utf8'));
  return (path) => nginxLocation(locations, path)?.cacheControl ?? 'no-cache';
}
