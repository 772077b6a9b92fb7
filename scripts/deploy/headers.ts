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
