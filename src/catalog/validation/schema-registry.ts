/**
 * The JSON Schemas bundled with Fournaise (folder `schemas/stac/`, laid out by the URL each schema is published
 * at: `https://HOST/PATH` is stored at `schemas/stac/HOST/PATH`), compiled once with the Ajv class of their draft.
 *
 * Schemas are registered under the URL they are published at, never under their `$id`: some releases carry a
 * wrong `$id` (processing v1.1.0 says v1.0.0, STAC 1.1.0 `common.json` says `commonjson`), and relative `$ref`s
 * must resolve against the published location. See schemas/SOURCES.md for where each file comes from.
 *
 * Limits: a schema can only `$ref` schemas of its own JSON Schema draft (one Ajv instance per draft); nothing is
 * ever fetched from the network, so a `$ref` to a schema that is not bundled makes that schema fail to compile.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type AnySchemaObject, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { addIriFormats } from './iri-formats.js';

type Draft = 'draft-07' | '2019-09' | '2020-12';

interface BundledSchema {
  url: string;
  draft: Draft;
  schema: AnySchemaObject;
}

/**
 * Outcome of looking up a schema: its compiled validators, or why it cannot be used. `validate` stops at the
 * first error (fast path for the common valid case); `explain` collects every error, for reports.
 */
export type CompiledSchema =
  { validate: ValidateFunction; explain: () => ValidateFunction } | { compileError: string };

const SCHEMA_FOLDER = join('schemas', 'stac');

let bundled: Map<string, BundledSchema> | undefined;
const instances = new Map<string, Ajv | Ajv2019 | Ajv2020>();
const compiled = new Map<string, CompiledSchema>();

/**
 * Canonical form of a schema URL, as used for lookups: scheme dropped, trailing `#` (empty fragment) dropped.
 * `http://` and `https://` name the same bundled file.
 *
 * @example normalizeSchemaUrl('https://stac-extensions.github.io/eo/v1.1.0/schema.json#')
 *   // 'https://stac-extensions.github.io/eo/v1.1.0/schema.json'
 */
export function normalizeSchemaUrl(url: string): string {
  return (
    'https://' +
    url
      .trim()
      .replace(/^https?:\/\//i, '')
      .replace(/#$/, '')
  );
}

/** True when the schema published at `url` is bundled (no compilation is done). */
export function isBundledSchema(url: string): boolean {
  return loadBundledSchemas().has(normalizeSchemaUrl(url));
}

/** Every bundled schema URL, sorted. */
export function listBundledSchemas(): string[] {
  return [...loadBundledSchemas().keys()].sort();
}

/**
 * The compiled validator of the bundled schema published at `url`, compiled on first use and cached for the
 * life of the process; `undefined` when no such schema is bundled.
 */
export function getCompiledSchema(url: string): CompiledSchema | undefined {
  const key = normalizeSchemaUrl(url);
  const cached = compiled.get(key);
  if (cached) return cached;
  const entry = loadBundledSchemas().get(key);
  if (!entry) return undefined;
  let result: CompiledSchema;
  try {
    const validate = ajvFor(entry.draft, false).getSchema(key);
    if (validate) {
      let explainer: ValidateFunction | undefined;
      const explain = () => (explainer ??= ajvFor(entry.draft, true).getSchema(key) ?? validate);
      result = { validate, explain };
    } else {
      result = { compileError: `schema ${key} is not registered` };
    }
  } catch (error) {
    result = { compileError: error instanceof Error ? error.message : String(error) };
  }
  compiled.set(key, result);
  return result;
}

/**
 * One Ajv instance per draft and error mode. The all-errors instance is only built when an object fails:
 * the error report picks the most relevant branch of each oneOf/anyOf, so it needs every branch's errors.
 */
function ajvFor(draft: Draft, allErrors: boolean): Ajv | Ajv2019 | Ajv2020 {
  const instanceKey = `${draft}:${allErrors}`;
  const existing = instances.get(instanceKey);
  if (existing) return existing;
  const options = { allErrors, strict: false, validateFormats: true, logger: false as const };
  const ajv =
    draft === '2020-12'
      ? new Ajv2020(options)
      : draft === '2019-09'
        ? new Ajv2019(options)
        : new Ajv(options);
  formatsPlugin.default(ajv);
  addIriFormats(ajv);
  for (const entry of loadBundledSchemas().values()) {
    if (entry.draft === draft) ajv.addSchema(entry.schema, entry.url);
  }
  instances.set(instanceKey, ajv);
  return ajv;
}

function loadBundledSchemas(): Map<string, BundledSchema> {
  if (bundled) return bundled;
  const root = findSchemaFolder();
  const map = new Map<string, BundledSchema>();
  for (const file of listJsonFiles(root)) {
    const url = 'https://' + relative(root, file).split(sep).join('/');
    const raw = JSON.parse(readFileSync(file, 'utf8')) as AnySchemaObject;
    // Published location wins over the declared $id (see the module comment).
    const schema: AnySchemaObject = { ...raw, $id: url };
    map.set(url, { url, draft: draftOf(schema), schema });
  }
  bundled = map;
  return map;
}

function draftOf(schema: AnySchemaObject): Draft {
  const declared = typeof schema.$schema === 'string' ? schema.$schema : '';
  if (declared.includes('2020-12')) return '2020-12';
  if (declared.includes('2019-09')) return '2019-09';
  return 'draft-07';
}

/** Walks up from this module to the repository root: works from src/ (tsx, vitest) and from dist/src/. */
function findSchemaFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, SCHEMA_FOLDER);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`bundled STAC schemas not found: no ${SCHEMA_FOLDER} above ${import.meta.url}`);
    dir = parent;
  }
}

function listJsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listJsonFiles(path);
    return entry.name.endsWith('.json') ? [path] : [];
  });
}
