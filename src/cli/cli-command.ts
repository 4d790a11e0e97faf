/**
 * The shape of a `fournaise` sub-command and the exit codes they share.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit codes of every command, stated in the root help. */
export const EXIT = {
  /** Everything went as asked. */
  ok: 0,
  /** Some input was invalid: objects rejected by ingest or validate, or a strict ingest aborted. */
  invalidInput: 1,
  /** The command line itself is wrong (unknown option, missing argument). */
  usage: 2,
  /** The command could not run: unreadable data directory, port in use, unexpected failure. */
  failure: 3,
  /** Stopped by SIGINT; what was committed before stays. */
  interrupted: 130,
} as const;

/** Where a command writes; tests pass their own streams. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface CliCommand {
  name: string;
  /** One line, shown in the root help. */
  summary: string;
  /** The full `--help` text. */
  help: string;
  /** Runs the command and resolves to its exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** A wrong command line; main prints the message, a pointer to `--help`, and exits with {@link EXIT.usage}. */
export class CliUsageError extends Error {}

/** `parseArgs` with strict checking, turning its errors into {@link CliUsageError}. */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals: boolean,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Parses a positive integer option, or throws a usage error naming the option. */
export function positiveInteger(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new CliUsageError(`--${option} must be a positive integer, got '${value}'`);
  return number;
}

/** Parses a non-negative number option, or throws a usage error naming the option. */
export function nonNegativeNumber(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0)
    throw new CliUsageError(`--${option} must be a number >= 0, got '${value}'`);
  return number;
}
