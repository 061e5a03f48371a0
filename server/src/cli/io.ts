import { message, normaliseLocale, type Locale } from '../engine';

/** What a command may touch of the outside world; tests and the real process pass their own. */
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** stdout is a terminal (colours in stylish output). */
  isTTY: boolean;
  /** stderr is a terminal (progress display). */
  stderrIsTTY?: boolean;
}

export const EXIT_OK = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2;

/** A usage or configuration error: the message goes to stderr and the exit code is 2. */
export class UsageError extends Error {
  constructor(message: string, readonly showUsage = false) { super(message); }
}

/** The locale of the CLI's own messages: --locale, then PAPER_DIGEST_LOCALE, then the usual locale variables. */
export function cliLocale(flag: string | undefined, env: NodeJS.ProcessEnv): Locale {
  return normaliseLocale(flag ?? env.PAPER_DIGEST_LOCALE ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG);
}

/** cliLocale for a command's --locale flag, which must be ko or en (a usage error otherwise). */
export function flagLocale(flag: string | undefined, env: NodeJS.ProcessEnv): Locale {
  if (flag !== undefined && !['ko', 'en'].includes(flag)) throw new UsageError(t(cliLocale(undefined, env), 'bad-locale', { value: flag }));
  return cliLocale(flag, env);
}

/** A message from messages/<locale>/cli.json ("cli/<name>"). */
export function t(locale: Locale, name: string, data: Record<string, unknown> = {}): string {
  return message(locale, `cli/${name}`, data);
}

/** Forward slashes, as every output format prints paths. */
export const slash = (p: string): string => p.replace(/\\/g, '/');
