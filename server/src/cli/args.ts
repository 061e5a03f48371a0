import { parseArgs, type ParseArgsConfig } from 'util';
import { cliLocale, t, UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The value of --locale in argv (`--locale ko` or `--locale=ko`), for messages about argv itself. */
function localeFlag(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--locale') return argv[i + 1];
    if (argv[i].startsWith('--locale=')) return argv[i].slice('--locale='.length);
  }
  return undefined;
}

/** `-h`/`--help` anywhere before `--`: the command's usage wins over every other argument. */
export const wantsHelp = (argv: string[]): boolean => {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some(a => a === '-h' || a === '--help');
};

/**
 * One line for parseArgs' error: which option, and what is wrong with it (never Node's own text,
 * which speaks of positional arguments and `--`).
 */
function usageMessage(e: Error & { code?: string }, argv: string[], env: NodeJS.ProcessEnv): string {
  const flag = localeFlag(argv);
  const locale = cliLocale(flag === 'ko' || flag === 'en' ? flag : undefined, env);
  // "Unknown option '--foo'. …", "Option '-f, --format <value>' argument missing", "Option '--fix' does not take an argument"
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  const option = (quoted.split(/,\s*/).pop() ?? quoted).replace(/\s*<value>$/, '');
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t(locale, 'unknown-option', { option });
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(e.message)) return t(locale, 'option-no-value', { option });
    return t(locale, 'option-needs-value', { option });
  }
  return e.message;
}

/**
 * util.parseArgs, strict, with its errors turned into usage errors (exit 2): one line naming the
 * option; the entry point (main.ts) adds the command's usage.
 */
export function parseCommandArgs<O extends Options>(argv: string[], options: O, env: NodeJS.ProcessEnv = process.env) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (e) {
    throw new UsageError(usageMessage(e as Error, argv, env), true);
  }
}
