/**
 * npm run lockfile — run after every dependency change.
 *
 * The registry these machines reach serves Linux platform packages only, so a lockfile written here lacks the
 * other platforms' optional binaries (@pagefind/darwin-arm64, …) and `npm ci` on a Mac fails with
 * "Missing: … from lock file". This adds an entry for every optional dependency the lockfile lacks, with the
 * platform (os/cpu/libc) read from the package's name. npm fetches such an entry by name and version.
 *
 *   node scripts/complete-lockfile.ts [--check]   (--check: exit 1 and list what is missing, change nothing)
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface LockEntry {
  version?: string;
  optional?: boolean;
  dev?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
  [k: string]: unknown;
}

const OS: [RegExp, string][] = [
  [/darwin/, 'darwin'],
  [/win32|windows/, 'win32'],
  [/freebsd/, 'freebsd'],
  [/openbsd/, 'openbsd'],
  [/netbsd/, 'netbsd'],
  [/android/, 'android'],
  [/sunos/, 'sunos'],
  [/aix/, 'aix'],
  [/openharmony/, 'openharmony'],
  [/linux/, 'linux'],
];
const CPU: [RegExp, string][] = [
  [/arm64|aarch64/, 'arm64'],
  [/x64|x86_64|amd64/, 'x64'],
  [/ia32|x86(?!_)/, 'ia32'],
  [/arm(?!64)/, 'arm'],
  [/ppc64/, 'ppc64'],
  [/s390x/, 's390x'],
  [/riscv64/, 'riscv64'],
  [/loong64/, 'loong64'],
  [/mips64el/, 'mips64el'],
  [/wasm32/, 'wasm32'],
];

/** Platform fields for a platform package, guessed from its name (e.g. @pagefind/darwin-arm64). */
export function platformOf(name: string): Pick<LockEntry, 'os' | 'cpu' | 'libc'> {
  const base = name.split('/').pop()!;
  const out: Pick<LockEntry, 'os' | 'cpu' | 'libc'> = {};
  const os = OS.find(([re]) => re.test(base))?.[1];
  const cpu = CPU.find(([re]) => re.test(base))?.[1];
  if (os) out.os = [os];
  if (cpu) out.cpu = [cpu];
  if (os === 'linux') out.libc = [/musl/.test(base) ? 'musl' : 'glibc'];
  return out;
}

/** Entries to add: optional dependencies of any locked package that the lockfile does not hold. */
export function missingOptional(packages: Record<string, LockEntry>): Record<string, LockEntry> {
  const add: Record<string, LockEntry> = {};
  for (const [path, entry] of Object.entries(packages)) {
    for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
      const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
      if (packages[nested] || packages[`node_modules/${name}`] || add[`node_modules/${name}`]) continue;
      const version = range.replace(/^[\^~=]/, '');
      if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) continue; // not an exact version: leave to npm
      add[`node_modules/${name}`] = { version, ...(entry.dev ? { dev: true } : {}), optional: true, ...platformOf(name) };
    }
  }
  return add;
}

if (import.meta.main) {
  const file = 'package-lock.json';
  const lock = JSON.parse(readFileSync(file, 'utf8'));
  const add = missingOptional(lock.packages);
  const names = Object.keys(add).map((k) => k.replace(/^node_modules\//, ''));
  if (process.argv.includes('--check')) {
    if (names.length > 0) {
      console.error(`package-lock.json lacks ${names.length} optional platform package(s): ${names.join(', ')}\nRun: npm run lockfile`);
      process.exit(1);
    }
    console.log('package-lock.json is complete for every platform');
  } else {
    const sorted = Object.fromEntries(Object.entries({ ...lock.packages, ...add }).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
    lock.packages = sorted;
    writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
    console.log(names.length ? `added ${names.length}: ${names.join(', ')}` : 'nothing to add');
  }
}
