/**
 * A notice's change history from the content's git history, read once per build: the date and message of
 * each commit that touched its files (content/notices/{slug}.mdx, content/tables/{slug}/). Outside a git
 * checkout, in a shallow clone (whose oldest commit would pose as the first publication), or when git is
 * missing, there is no history: the page says nothing rather than guess.
 */
import { execFileSync } from 'node:child_process';

export interface Commit {
  hash: string;
  /** The commit's date in its committer's time zone, YYYY-MM-DD. */
  date: string;
  subject: string;
}

function git(dir: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000, maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** The commits that touched notices/ or tables/ (newest first, git's order), each with the files it touched relative to `contentDir`. */
export function readContentHistory(contentDir: string): (Commit & { paths: string[] })[] {
  if (git(contentDir, ['rev-parse', '--is-inside-work-tree'])?.trim() !== 'true') return [];
  if (git(contentDir, ['rev-parse', '--is-shallow-repository'])?.trim() !== 'false') return [];
  const out = git(contentDir, ['log', '--relative', '--no-renames', '--format=%x1e%H%x1f%cs%x1f%s', '--name-only', '--', 'notices', 'tables']);
  if (!out) return [];
  return out
    .split('\x1e')
    .slice(1)
    .map((record) => {
      const [head = '', ...paths] = record.split('\n');
      const [hash = '', date = '', subject = ''] = head.split('\x1f');
      return { hash, date, subject, paths: paths.filter(Boolean) };
    });
}

/** A notice's commits, newest first: those touching notices/{slug}.mdx or tables/{slug}/. */
export function noticeHistory(history: readonly (Commit & { paths: string[] })[], slug: string): Commit[] {
  return history
    .filter((c) => c.paths.some((p) => p === `notices/${slug}.mdx` || p.startsWith(`tables/${slug}/`)))
    .map(({ hash, date, subject }) => ({ hash, date, subject }));
}

let cached: (Commit & { paths: string[] })[] | undefined;
/** The site's content history, read once per build. */
export function siteContentHistory(contentDir: string): (Commit & { paths: string[] })[] {
  cached ??= readContentHistory(contentDir);
  return cached;
}
