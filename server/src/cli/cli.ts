import { HELP, VERSION } from './about';
import { parseArgs, UsageError, type CheckOptions } from './args';
import { formatReport } from './formatters';
import { runCheckParallel, runCheckSequential } from './parallel';
import type { RunContext, RunOutcome } from './run';
import { errorText } from './write';

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  stdoutIsTTY: boolean;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAILURE = 2;

/** The whole command line as a function of its inputs, so it never calls process.exit and never throws. */
export function runCli(argv: readonly string[], io: CliIo): number {
  return withCommand(argv, io, (options, ctx) => finish(runCheckSequential(options, ctx), options, io, ctx.warn));
}

/**
 * `runCli` that checks large inputs on worker threads started from `workerEntry` (the CLI's
 * own bundled file); without one it is `runCli`.
 */
export async function runCliParallel(argv: readonly string[], io: CliIo, workerEntry: string | undefined): Promise<number> {
  let pending: Promise<number> | undefined;
  const code = withCommand(argv, io, (options, ctx) => {
    pending = runCheckParallel(options, ctx, workerEntry).then(
      (outcome) => finish(outcome, options, io, ctx.warn),
      (err: unknown) => failure(err, ctx.warn),
    );
    return EXIT_OK;
  });
  return pending ?? code;
}

function withCommand(argv: readonly string[], io: CliIo, check: (options: CheckOptions, ctx: RunContext) => number): number {
  const warn = (line: string) => io.stderr(`muharrir: ${line}\n`);
  try {
    const command = parseArgs(argv);
    if (command.kind === 'help') {
      io.stdout(HELP);
      return EXIT_OK;
    }
    if (command.kind === 'version') {
      io.stdout(`${VERSION}\n`);
      return EXIT_OK;
    }
    const options = command.options;
    return check(options, { cwd: io.cwd, env: io.env, warn, withFixes: options.format === 'sarif' });
  } catch (err) {
    return failure(err, warn);
  }
}

function failure(err: unknown, warn: (line: string) => void): number {
  if (err instanceof UsageError) {
    warn(`${err.message} (see muharrir --help)`);
    return EXIT_FAILURE;
  }
  warn(`internal error: ${errorText(err)}`);
  return EXIT_FAILURE;
}

function finish(outcome: RunOutcome, options: CheckOptions, io: CliIo, warn: (line: string) => void): number {
  try {
    io.stdout(
      formatReport(options.format, outcome.report, {
        cwd: io.cwd,
        // https://no-color.org: any non-empty NO_COLOR turns colour off.
        color: io.stdoutIsTTY && !io.env.NO_COLOR,
        executionSuccessful: !outcome.failed,
      }),
    );
    if (options.fix) warn(`fixed ${outcome.fixedFiles} ${outcome.fixedFiles === 1 ? 'file' : 'files'}`);
    const { errors, warnings } = outcome.report.summary;
    if (outcome.failed) return EXIT_FAILURE;
    if (errors > 0) return EXIT_PROBLEMS;
    if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
      warn(`too many warnings: ${warnings} (maximum ${options.maxWarnings})`);
      return EXIT_PROBLEMS;
    }
    return EXIT_OK;
  } catch (err) {
    return failure(err, warn);
  }
}
