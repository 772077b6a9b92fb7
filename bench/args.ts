/** The bench scripts' command line: `--name value` options and `--name` flags. */
const argv = process.argv.slice(2);

/** The value after `--name`, or `fallback` when it is not given. */
export function option(name: string, fallback: string): string {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
}

/** `--name` is given. */
export const flag = (name: string): boolean => argv.includes(`--${name}`);
