#!/usr/bin/env node
/**
 * The `fournaise` command: `fournaise <command> [options]`. One file per command; this file only dispatches,
 * prints errors with their location, and sets the exit code.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { FournaiseError } from '../core/fournaise-error.js';
import { CliUsageError, EXIT, type CliCommand, type CliIo } from './cli-command.js';
import { demoCommand } from './demo-command.js';
import { insituIngestCommand } from './insitu-ingest-command.js';
import { ingestCommand } from './ingest-command.js';
import { serveCommand } from './serve-command.js';
import { validateCommand } from './validate-command.js';

const COMMANDS: readonly CliCommand[] = [
  serveCommand,
  ingestCommand,
  insituIngestCommand,
  validateCommand,
  demoCommand,
];

function rootHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return `Usage: fournaise <command> [options]

Fournaise: an Earth-system data and services centre (STAC catalogue, rasters, in-situ series).

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Run 'fournaise <command> --help' for the options of a command.

Environment: PORT, HOST, FOURNAISE_DATA_DIR (default ./data), FOURNAISE_BASE_URL.
Exit codes: 0 success, 1 invalid input (objects rejected), 2 bad command line, 3 failure,
130 interrupted.`;
}

/** Runs the CLI with the given arguments (without `node` and the script) and resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(`${rootHelp()}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`fournaise: unknown command '${name}'\n\n${rootHelp()}\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    return reportFailure(error, command, io);
  }
}

function reportFailure(error: unknown, command: CliCommand, io: CliIo): number {
  if (error instanceof CliUsageError) {
    io.stderr.write(
      `fournaise ${command.name}: ${error.message}\nRun 'fournaise ${command.name} --help' for usage.\n`,
    );
    return EXIT.usage;
  }
  if (error instanceof Error && error.name === 'AbortError') {
    io.stderr.write(`fournaise ${command.name}: interrupted; what was committed before stays\n`);
    return EXIT.interrupted;
  }
  if (error instanceof FournaiseError) {
    const where = error.location ? `${error.location}: ` : '';
    io.stderr.write(`fournaise ${command.name}: ${where}${error.message} [${error.code}]\n`);
    return EXIT.failure;
  }
  // System and SQLite errors (EADDRINUSE, EACCES, ENOTDIR, SQLITE_NOTADB, ...) say enough without a stack.
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof Error && typeof code === 'string' && /^(E[A-Z]+|SQLITE_[A-Z_]+)$/.test(code)) {
    const path = (error as NodeJS.ErrnoException).path;
    io.stderr.write(
      `fournaise ${command.name}: ${error.message}${path && !error.message.includes(path) ? ` (${path})` : ''}\n`,
    );
    return EXIT.failure;
  }
  io.stderr.write(
    `fournaise ${command.name}: unexpected failure\n${error instanceof Error ? error.stack : String(error)}\n`,
  );
  return EXIT.failure;
}

/** True when this file is the program (`node main.js`, the npm bin link), false when imported by tests. */
function isMainModule(): boolean {
  if (process.argv[1] === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

const isMain = isMainModule();
if (isMain) {
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
  process.exitCode = code;
}
