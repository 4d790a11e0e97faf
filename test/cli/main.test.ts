import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/cli-command.js';
import { runCli } from '../../src/cli/main.js';
import { openSqliteCatalogStore } from '../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import { capturedIo } from './cli-io.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/ingest');

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'fournaise-cli-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('help texts', () => {
  it('lists every command in the root help, on stdout with --help (exit 0) and stderr without a command (exit 2)', async () => {
    const asked = capturedIo();
    expect(await runCli(['--help'], asked)).toBe(EXIT.ok);
    for (const name of ['serve', 'ingest', 'validate', 'demo'])
      expect(asked.out()).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    const bare = capturedIo();
    expect(await runCli([], bare)).toBe(EXIT.usage);
    expect(bare.err()).toContain('Usage: fournaise <command> [options]');
  });

  it.each(['serve', 'ingest', 'validate', 'demo'])('%s --help prints its usage and options', async (name) => {
    const io = capturedIo();
    expect(await runCli([name, '--help'], io)).toBe(EXIT.ok);
    expect(io.out()).toMatch(new RegExp(`^Usage: fournaise ${name} `));
    expect(io.out()).toContain('Options:');
    expect(io.out()).toContain('Exit codes:');
    expect(io.err()).toBe('');
  });
});

describe('command-line errors exit with code 2 and say what is wrong', () => {
  it.each([
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['ingest'], 'no source given'],
    [
      ['ingest', '--mode', 'replace', 'x.ndjson'],
      "--mode must be one of insert, upsert, skip-existing, got 'replace'",
    ],
    [['ingest', '--batch-size', '0', 'x.ndjson'], "--batch-size must be a positive integer, got '0'"],
    [['ingest', '--bogus', 'x'], "Unknown option '--bogus'"],
    [['validate'], 'nothing to validate'],
    [['demo', 'extra'], 'Unexpected argument'],
    [['serve', '--port'], "Option '--port <value>' argument missing"],
  ])('%j', async (args, message) => {
    const io = capturedIo();
    expect(await runCli(args, io)).toBe(EXIT.usage);
    expect(io.err()).toContain(message);
  });

  it('a bad PORT is a configuration failure naming the variable (exit 3)', async () => {
    const io = capturedIo({ PORT: 'eighty', FOURNAISE_DATA_DIR: join(dir, 'unused') });
    expect(await runCli(['serve', '--no-demo'], io)).toBe(EXIT.failure);
    expect(io.err()).toContain(
      "PORT: port must be an integer from 0 to 65535, got 'eighty' [CONFIG_INVALID]",
    );
  });
});

describe('validate', () => {
  it('reports each invalid object with file:line and the reason, and exits 1', async () => {
    const io = capturedIo();
    const path = join(FIXTURES, 'items-with-problems.ndjson');
    expect(await runCli(['validate', path], io)).toBe(EXIT.invalidInput);
    const lines = io.out().trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${path}:4:27: invalid JSON: `));
    expect(lines).toContain(
      `${path}:6: 'c': /properties/datetime: must match the pattern (\\+00:00|Z)$, got "not-a-date" (schema: https://schemas.stacspec.org/v1.1.0/item-spec/json-schema/item.json)`,
    );
    expect(lines.at(-1)).toBe('5 object(s) checked, 1 invalid, 2 unreadable document(s) or line(s)');
  });

  it('exits 0 on a valid catalog and notes extensions it could not check', async () => {
    const io = capturedIo();
    expect(await runCli(['validate', join(FIXTURES, 'stac-spec-v1.1.0/collection.json')], io)).toBe(EXIT.ok);
    expect(io.out()).toContain(
      'note: extension schema not bundled, not validated: https://stac-extensions.github.io/remote-data/v1.0.0/schema.json',
    );
    expect(io.out().trim().split('\n').at(-1)).toBe(
      '4 object(s) checked, 0 invalid, 0 unreadable document(s) or line(s)',
    );
  });
});

describe('ingest', () => {
  it('writes into the data directory, lists problems on stderr and exits 1 when some were rejected', async () => {
    const dataDir = join(dir, 'ingest-data');
    const io = capturedIo({ FOURNAISE_DATA_DIR: dataDir });
    expect(await runCli(['ingest', '--quiet', join(FIXTURES, 'items-with-problems.ndjson')], io)).toBe(
      EXIT.invalidInput,
    );
    expect(io.err()).toContain('items-with-problems.ndjson:7: not a STAC object');
    expect(io.err()).toMatch(/1 collection\(s\) and 3 item\(s\) inserted, 0 updated, 0 skipped, 3 rejected/);
    const again = capturedIo({ FOURNAISE_DATA_DIR: dataDir });
    expect(
      await runCli(
        [
          'ingest',
          '--quiet',
          '--mode',
          'skip-existing',
          '--strict',
          join(FIXTURES, 'nested-catalog/lagoon/items/survey-1/survey-1.json'),
        ],
        again,
      ),
    ).toBe(EXIT.invalidInput);
    expect(again.err()).toContain("collection 'lagoon-surveys' does not exist");
    expect(again.err()).toContain('nothing was written');
    const ok = capturedIo();
    expect(
      await runCli(
        [
          'ingest',
          '--quiet',
          '--data-dir',
          dataDir,
          '--mode',
          'upsert',
          join(FIXTURES, 'nested-catalog/lagoon/collection.json'),
        ],
        ok,
      ),
    ).toBe(EXIT.invalidInput);
    const store = openSqliteCatalogStore({ dataDir });
    try {
      expect((await store.getItem('lagoon-surveys', 'survey-3'))?.id).toBe('survey-3');
    } finally {
      await store.close();
    }
  });

  it('names the data directory it cannot use and exits 3', async () => {
    const { mkdir, writeFile } = await import('node:fs/promises');
    const dataDir = join(dir, 'corrupt-data');
    await mkdir(dataDir);
    await writeFile(join(dataDir, 'catalog.sqlite'), 'this is not a SQLite database');
    const io = capturedIo();
    const code = await runCli(
      ['ingest', '--data-dir', dataDir, join(FIXTURES, 'items-with-problems.ndjson')],
      io,
    );
    expect(code).toBe(EXIT.failure);
    expect(io.err()).toBe(
      `fournaise ingest: ${join(dataDir, 'catalog.sqlite')}: cannot open the catalogue of the data directory: file is not a database [CLI_DATA_DIR_UNUSABLE]\n`,
    );
  });

  it('exits 0 when everything was written', async () => {
    const io = capturedIo();
    const dataDir = join(dir, 'clean-data');
    expect(
      await runCli(
        [
          'ingest',
          '--quiet',
          '--data-dir',
          dataDir,
          join(FIXTURES, 'stac-spec-v1.1.0/collection-only/collection.json'),
        ],
        io,
      ),
    ).toBe(EXIT.ok);
    expect(io.err()).toMatch(/^1 collection\(s\) and 0 item\(s\) inserted/m);
  });
});
