/**
 * Parsing vectors: (1) every OGC CQL2 1.0 text example parses to the same expression as its JSON
 * counterpart (the -alt01 spellings to their base example); (2) every cql2-rs round-trip vector parses
 * to the expected CQL2-JSON, is written as the expected normalised text, and that text parses back.
 * Parsed trees are also checked against the official CQL2-JSON schema (schema/cql2.json).
 * Sources: opengeospatial/ogcapi-features @ cql2-1.0.0 and developmentseed/cql2-rs (SOURCES.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { cql2ToText, parseCql2Json, parseCql2Text } from '../../../src/catalog/cql2/index.js';

const fixtures = new URL('../../fixtures/cql2/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, fixtures), 'utf8');

const validateCql2Json = new Ajv2020({ strict: false }).compile(
  JSON.parse(read('ogc-schema/cql2.json')) as object,
);

const textExamples = readdirSync(new URL('ogc-examples/text/', fixtures)).sort();
const jsonExamples = readdirSync(new URL('ogc-examples/json/', fixtures)).sort();

describe('OGC CQL2 1.0 examples', () => {
  it('has the 120 text and 109 JSON examples, each text with a JSON counterpart', () => {
    expect(textExamples).toHaveLength(120);
    expect(jsonExamples).toHaveLength(109);
    const bases = new Set(textExamples.map((f) => f.replace(/(-alt01)?\.txt$/, '.json')));
    expect([...bases].sort()).toEqual(jsonExamples);
  });

  it.each(textExamples)('%s parses like its JSON counterpart and round-trips through text', (file) => {
    const fromText = parseCql2Text(read(`ogc-examples/text/${file}`));
    const fromJson = parseCql2Json(
      JSON.parse(read(`ogc-examples/json/${file.replace(/(-alt01)?\.txt$/, '.json')}`)),
    );
    expect(fromText).toStrictEqual(fromJson);
    expect(parseCql2Text(cql2ToText(fromText))).toStrictEqual(fromText);
    // The parsed tree is valid CQL2-JSON according to the official schema.
    expect(validateCql2Json(fromText), JSON.stringify(validateCql2Json.errors)).toBe(true);
  });
});

const roundTrips = readdirSync(new URL('cql2-rs/expected/', fixtures)).sort();

describe('cql2-rs normalised round-trip vectors', () => {
  it('has the 229 vectors', () => expect(roundTrips).toHaveLength(229));

  it.each(roundTrips)('%s', (file) => {
    const [input, expectedText, expectedJson] = read(`cql2-rs/expected/${file}`).split('\n');
    const expr = file.includes('.json.') ? parseCql2Json(JSON.parse(input)) : parseCql2Text(input);
    expect(expr).toStrictEqual(JSON.parse(expectedJson));
    const text = cql2ToText(expr);
    expect(text).toBe(expectedText);
    expect(parseCql2Text(text)).toStrictEqual(expr);
    expect(parseCql2Text(expectedText)).toStrictEqual(expr);
  });
});
