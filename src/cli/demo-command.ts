/**
 * `fournaise demo`: builds the synthetic La Réunion demo centre into a data directory.
 */
import { buildDemoCentre, DEFAULT_DEMO_SEED } from '../demo/demo-builder.js';
import { EXIT, nonNegativeNumber, parseCommandLine, type CliCommand } from './cli-command.js';
import { DATA_DIR_HELP, openCatalogIn, resolveDataDir } from './data-dir.js';
import { showDemoProgress } from './demo-progress.js';
import { ProgressDisplay } from './progress-display.js';

const HELP = `Usage: fournaise demo [options]

Builds the La Réunion demo centre into the data directory: collections and items of THEIA
Sentinel-2 syntheses, land cover, Hermitage drone surveys, Pléiades scenes and DSMs, ERORUN and GNSS
datasets, plus what every other capability contributes. All of it is synthetic and labelled so.
The build is deterministic (same seed, same documents) and can be repeated: records are upserted.

Options:
${DATA_DIR_HELP}
  --seed <text>         seed of the generator (default '${DEFAULT_DEMO_SEED}')
  --quiet               no progress display
  --progress-interval <s>  seconds between progress lines when stderr is not a terminal (default 5)
  -h, --help            show this help

Exit codes: 0 built, 2 bad command line, 3 failure.`;

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'build the synthetic La Réunion demo centre into the data directory',
  help: HELP,
  async run(args, io) {
    const { values } = parseCommandLine(
      args,
      {
        'data-dir': { type: 'string' },
        seed: { type: 'string' },
        quiet: { type: 'boolean' },
        'progress-interval': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      false,
    );
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return EXIT.ok;
    }
    const interval = nonNegativeNumber(values['progress-interval'], 'progress-interval', 5);
    const dataDir = resolveDataDir(values['data-dir'], io.env, io.cwd);
    const display = new ProgressDisplay({
      stream: io.stderr,
      quiet: values.quiet,
      plainIntervalSeconds: interval,
    });
    const catalog = openCatalogIn(dataDir);
    try {
      const built = await buildDemoCentre({
        catalog,
        dataDir,
        seed: values.seed,
        onProgress: showDemoProgress(display),
      });
      display.finish();
      io.stderr.write(`demo centre built in ${dataDir} (${built.join(', ')})\n`);
      return EXIT.ok;
    } finally {
      await catalog.close();
    }
  },
};
