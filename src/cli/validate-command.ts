/**
 * `fournaise validate`: checks STAC documents against the bundled schemas without writing anything.
 */
import { checkStacObject } from '../catalog/ingest/ingest-checks.js';
import { formatOrigin } from '../catalog/ingest/stac-source-entry.js';
import { readStacSource } from '../catalog/ingest/stac-source-reader.js';
import { CliUsageError, EXIT, parseCommandLine, type CliCommand } from './cli-command.js';
import { formatProblem } from './problem-format.js';

const HELP = `Usage: fournaise validate [options] <file|dir|url>...

Validates every STAC object of the sources (static catalogs with their child and item links,
ItemCollections, single items or collections, NDJSON) against the STAC 1.1/1.0 JSON Schemas and the
schemas of the extensions they declare, plus geometry and time-range checks. Nothing is written.
Each invalid object is reported with its file:line (or URL), the JSON pointer and the reason.
Extensions whose schema is not bundled are listed but do not make an object invalid.

Options:
  --quiet        print only the summary line
  -h, --help     show this help

Exit codes: 0 everything valid, 1 some object invalid or some document unreadable,
2 bad command line, 3 unexpected failure.`;

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check STAC files, folders or URLs against the STAC schemas',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandLine(
      args,
      { quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      true,
    );
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return EXIT.ok;
    }
    if (positionals.length === 0) throw new CliUsageError('nothing to validate: give a file, folder or URL');
    const print = (line: string) => {
      if (!values.quiet) io.stdout.write(`${line}\n`);
    };
    let checked = 0;
    let invalid = 0;
    let unreadable = 0;
    const unknownExtensions = new Map<string, string>();
    for (const source of positionals) {
      for await (const entry of readStacSource(source, { cwd: io.cwd })) {
        if (entry.kind === 'problem') {
          unreadable++;
          print(`${formatOrigin(entry.origin)}: ${entry.message}`);
          continue;
        }
        checked++;
        const { problems, unknownExtensions: unchecked } = checkStacObject(entry.object, entry.origin);
        if (problems.length > 0) {
          invalid++;
          problems.forEach((problem) => print(formatProblem(problem)));
        }
        for (const extension of unchecked) {
          if (!unknownExtensions.has(extension)) unknownExtensions.set(extension, formatOrigin(entry.origin));
        }
      }
    }
    for (const [extension, where] of unknownExtensions) {
      print(`note: extension schema not bundled, not validated: ${extension} (first seen in ${where})`);
    }
    io.stdout.write(
      `${checked} object(s) checked, ${invalid} invalid, ${unreadable} unreadable document(s) or line(s)\n`,
    );
    return invalid + unreadable > 0 ? EXIT.invalidInput : EXIT.ok;
  },
};
