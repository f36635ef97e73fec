import { isDateProblem, parseDateTime, toInstant, type Locale } from '../engine';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckOptions {
  paths: string[];
  format: Format;
  config?: string;
  lang?: Locale;
  fix: boolean;
  /** Undefined: no limit, as in ESLint's default of -1. */
  maxWarnings?: number;
  now?: Date;
  /** `--cache`: reuse the results of files unchanged since the last run (see cache.ts). */
  cache: boolean;
  cacheLocation?: string;
}

export type Command = { kind: 'help' } | { kind: 'version' } | { kind: 'check'; options: CheckOptions };

/** A mistake on the command line: exit 2 with this one-line message. */
export class UsageError extends Error {}

const VALUE_FLAGS = new Set(['--format', '--config', '--lang', '--max-warnings', '--now', '--cache-location']);
const BOOLEAN_FLAGS = new Set(['--fix', '--help', '-h', '--version', '--cache']);

export function parseArgs(argv: readonly string[]): Command {
  const positionals: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || !arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_FLAGS.has(name)) {
      let value: string | undefined;
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      if (value === undefined) throw new UsageError(`option ${name} needs a value`);
      if (values.has(name)) throw new UsageError(`option ${name} given twice`);
      values.set(name, value);
    } else if (BOOLEAN_FLAGS.has(name)) {
      if (eq > 0) throw new UsageError(`option ${name} takes no value`);
      flags.add(name);
    } else {
      throw new UsageError(`unknown option ${name}`);
    }
  }

  // Help and version win over everything else, so `muharrir check --bad --help` still helps.
  if (flags.has('--help') || flags.has('-h')) return { kind: 'help' };
  if (flags.has('--version')) return { kind: 'version' };

  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError('missing command: use `muharrir check [paths…]`');
  if (command === 'help') return { kind: 'help' };
  if (command !== 'check') {
    throw new UsageError(`unknown command ${JSON.stringify(command)}: the command is \`muharrir check [paths…]\``);
  }

  const format = values.get('--format') ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format ${JSON.stringify(format)}: use one of ${FORMATS.join(', ')}`);
  }
  const lang = values.get('--lang');
  if (lang !== undefined && lang !== 'ar' && lang !== 'en') {
    throw new UsageError(`unknown language ${JSON.stringify(lang)}: use ar or en`);
  }
  const config = values.get('--config');
  if (config === '') throw new UsageError('option --config needs a file');
  const cacheLocation = values.get('--cache-location');
  if (cacheLocation === '') throw new UsageError('option --cache-location needs a file');

  return {
    kind: 'check',
    options: {
      paths,
      format: format as Format,
      config,
      lang,
      fix: flags.has('--fix'),
      maxWarnings: parseMaxWarnings(values.get('--max-warnings')),
      now: parseNow(values.get('--now')),
      cache: flags.has('--cache') || cacheLocation !== undefined,
      cacheLocation,
    },
  };
}

function parseMaxWarnings(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`--max-warnings needs a whole number, not ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (n === -1) return undefined;
  if (n < 0 || !Number.isSafeInteger(n)) throw new UsageError(`--max-warnings needs 0 or more (or -1 for no limit), not ${raw}`);
  return n;
}

/** Parsed with the engine's own date reader, so `--now 2025-02-30` is refused rather than rolled into March. */
function parseNow(raw: string | undefined): Date | undefined {
  if (raw === undefined) return undefined;
  const parsed = parseDateTime(raw);
  if (isDateProblem(parsed)) {
    throw new UsageError(`--now needs an ISO 8601 date-time such as 2025-06-10T09:00:00+03:00, not ${JSON.stringify(raw)}`);
  }
  return new Date(toInstant(parsed, 0));
}
