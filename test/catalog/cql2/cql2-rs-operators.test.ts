/**
 * cql2-rs operator vectors: each filter of operators_expected.txt selects exactly the listed records of
 * cql2testdata.ndjson, with the in-memory evaluator and with the SQLite compilation (typed columns and
 * json_extract layouts). Source: developmentseed/cql2-rs tests/ (see test/fixtures/cql2/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateCql2, parseCql2Text } from '../../../src/catalog/cql2/index.js';
import { Cql2TestTable } from './cql2-test-database.js';

const fixtures = new URL('../../fixtures/cql2/cql2-rs/', import.meta.url);
const records = readFileSync(new URL('cql2testdata.ndjson', fixtures), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Record<string, unknown>);
const lines = readFileSync(new URL('operators_expected.txt', fixtures), 'utf8').split('\n');
const cases: { filter: string; expected: number[] }[] = [];
for (let i = 0; i + 1 < lines.length; i += 2) {
  if (lines[i].trim() === '') continue;
  cases.push({ filter: lines[i], expected: lines[i + 1].trim().split(/\s+/).filter(Boolean).map(Number) });
}
const features = records.map((r) => ({ id: r.intfield as number, properties: r }));
const table = new Cql2TestTable(features, {
  intfield: 'number',
  floatfield: 'number',
  textfield: 'string',
  boolfield: 'boolean',
  datefield: 'timestamp',
  ts_start: 'timestamp',
  ts_end: 'timestamp',
  intarrayfield: 'array',
  nfield: 'json',
  geom: 'geometry',
});

describe('cql2-rs operator vectors', () => {
  it('covers every filter of operators_tests.txt', () => {
    const tests = readFileSync(new URL('operators_tests.txt', fixtures), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('//'));
    expect(cases.map((c) => c.filter)).toEqual(tests);
    expect(cases.length).toBe(159);
  });

  it.each(cases)('$filter', ({ filter, expected }) => {
    const expr = parseCql2Text(filter);
    const evaluated = features.filter((f) => evaluateCql2(expr, f)).map((f) => f.id);
    expect(evaluated).toEqual(expected);
    expect(table.select(expr, 'typed')).toEqual(expected);
    expect(table.select(expr, 'json')).toEqual(expected);
  });
});
