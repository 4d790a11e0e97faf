/**
 * Validation of STAC Items, Collections and Catalogs against the official JSON Schemas bundled in `schemas/stac/`
 * (core STAC 1.1.0 and 1.0.0, and every bundled extension version), plus the geometry, bbox and time-range checks
 * the schemas cannot express. Runs offline; each schema is compiled once per process.
 *
 * Limits: pre-releases of a supported version (`1.1.0-beta.1`, `1.0.0-rc.4`, ...) are validated against that
 * release's schemas, with only the `stac_version` constant relaxed; any other version is rejected. Extensions
 * whose schema is not bundled are listed in `unknownExtensions` and do not make the object invalid.
 * See https://github.com/radiantearth/stac-spec/tree/v1.1.0 and https://stac-extensions.github.io/
 */
import type { Geometry } from 'geojson';
import { checkCollectionExtent, checkItemTimeRange } from './extent-checks.js';
import { checkBbox, checkGeometry, type Findings } from './geometry-checks.js';
import { getCompiledSchema, isBundledSchema } from './schema-registry.js';
import { summarizeSchemaErrors } from './schema-error-summary.js';

/** One problem: JSON pointer into the object, what is wrong, and the schema that says so (absent for checks
 * made by Fournaise itself, such as geometry validity). */
export interface StacValidationError {
  path: string;
  message: string;
  schema?: string;
}

/** Outcome of {@link validateStac}. `type` is the detected STAC type, when one could be detected. */
export interface ValidationReport {
  valid: boolean;
  type?: 'Feature' | 'Collection' | 'Catalog';
  errors: StacValidationError[];
  /** Declared `stac_extensions` entries whose schema is not bundled (their rules were not checked). */
  unknownExtensions: string[];
  /**
   * Problems that do not make the object invalid: a polygon ring against the right-hand rule (RFC 7946 says
   * parsers SHOULD NOT reject it), a bbox that leaves part of the geometry outside.
   */
  warnings?: StacValidationError[];
}

type StacType = NonNullable<ValidationReport['type']>;

const CORE_SCHEMA_FILE: Record<StacType, string> = {
  Feature: 'item-spec/json-schema/item.json',
  Collection: 'collection-spec/json-schema/collection.json',
  Catalog: 'catalog-spec/json-schema/catalog.json',
};
const SUPPORTED_RELEASES = ['1.1.0', '1.0.0'];

/**
 * Validates one STAC Item (`type: "Feature"`), Collection or Catalog: its core schema for its `stac_version`,
 * each declared extension whose schema is bundled, then geometry validity (closed rings, enough points, no
 * self-intersection; a wrong winding is only a warning, per RFC 7946), bbox/geometry consistency and time ranges.
 * Never throws on bad input; throws only when the bundled schemas are missing from the installation.
 *
 * @example
 * const report = validateStac(JSON.parse(text));
 * if (!report.valid) for (const e of report.errors) console.log(`${e.path}: ${e.message}`);
 */
export function validateStac(object: unknown): ValidationReport {
  if (!isRecord(object)) {
    return invalid([
      { path: '', message: `a STAC object must be a JSON object, got ${describeJsonType(object)}` },
    ]);
  }
  const type = detectType(object);
  const unknownExtensions = declaredExtensions(object).filter((url) => !isBundledSchema(url));
  if (!type) {
    const message = `must be "Feature", "Collection" or "Catalog", got ${JSON.stringify(object.type) ?? 'nothing'}`;
    return { ...invalid([{ path: '/type', message }]), unknownExtensions };
  }
  const release = releaseOf(object.stac_version);
  if (!release) {
    const message = `unsupported stac_version ${JSON.stringify(object.stac_version) ?? '(missing)'}: supported are ${SUPPORTED_RELEASES.join(', ')} and their pre-releases`;
    return { valid: false, type, errors: [{ path: '/stac_version', message }], unknownExtensions };
  }

  const coreUrl = `https://schemas.stacspec.org/v${release}/${CORE_SCHEMA_FILE[type]}`;
  // A pre-release is checked as its release: only the stac_version constant would differ.
  const coreSubject = object.stac_version === release ? object : { ...object, stac_version: release };
  const errors = validateAgainst(coreUrl, coreSubject);
  for (const url of declaredExtensions(object)) {
    if (isBundledSchema(url)) errors.push(...validateAgainst(url, object));
  }
  const findings: Findings = { errors, warnings: [] };
  checkContent(object, type, findings);
  return { valid: errors.length === 0, type, errors, unknownExtensions, warnings: findings.warnings };
}

function validateAgainst(url: string, subject: Record<string, unknown>): StacValidationError[] {
  const compiled = getCompiledSchema(url);
  if (!compiled) return [{ path: '', message: `schema ${url} is not bundled`, schema: url }];
  if ('compileError' in compiled) {
    return [{ path: '', message: `schema could not be compiled: ${compiled.compileError}`, schema: url }];
  }
  if (compiled.validate(subject)) return [];
  const explain = compiled.explain();
  explain(subject);
  return summarizeSchemaErrors(explain.errors ?? compiled.validate.errors ?? [], url, subject);
}

/** Geometry, bbox and time checks, skipped where the schema already found the structure wrong. */
function checkContent(object: Record<string, unknown>, type: StacType, findings: Findings): void {
  const schemaErrors = [...findings.errors];
  const hasErrorUnder = (prefix: string) =>
    schemaErrors.some((error) => error.path === prefix || error.path.startsWith(prefix + '/'));
  if (type === 'Collection') {
    if (!hasErrorUnder('/extent')) checkCollectionExtent(object.extent, findings);
    return;
  }
  if (type !== 'Feature') return;
  const geometry = object.geometry as Geometry | null;
  const isGeometryUsable = isRecord(geometry) && !hasErrorUnder('/geometry');
  if (isGeometryUsable) checkGeometry(geometry, '/geometry', findings);
  const isGeometrySound = isGeometryUsable && findings.errors.length === schemaErrors.length;
  if (Array.isArray(object.bbox) && !hasErrorUnder('/bbox')) {
    checkBbox(object.bbox as number[], isGeometrySound ? geometry : null, '/bbox', findings);
  }
  if (isRecord(object.properties) && !hasErrorUnder('/properties'))
    checkItemTimeRange(object.properties, findings);
}

/** The declared type, or, when `type` is missing or misspelt, the type the object's members point to. */
function detectType(object: Record<string, unknown>): StacType | undefined {
  if (object.type === 'Feature' || object.type === 'Collection' || object.type === 'Catalog')
    return object.type;
  if (typeof object.type === 'string' && object.type.toLowerCase() === 'collection') return 'Collection';
  if (object.type === undefined) {
    if ('geometry' in object && 'properties' in object) return 'Feature';
    if ('extent' in object && 'license' in object) return 'Collection';
    if ('links' in object && 'description' in object) return 'Catalog';
  }
  return undefined;
}

function releaseOf(version: unknown): string | undefined {
  if (typeof version !== 'string') return undefined;
  return SUPPORTED_RELEASES.find((release) => version === release || version.startsWith(release + '-'));
}

function declaredExtensions(object: Record<string, unknown>): string[] {
  const declared = object.stac_extensions;
  return Array.isArray(declared)
    ? declared.filter((entry): entry is string => typeof entry === 'string')
    : [];
}

function invalid(errors: StacValidationError[]): ValidationReport {
  return { valid: false, errors, unknownExtensions: [] };
}

function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
