/**
 * Turns Ajv's raw error list into the few errors a person needs to read.
 *
 * STAC schemas branch a lot (`oneOf` over the GeoJSON geometry types and null, Item-or-Collection branches in every
 * extension schema, `if`/`then` on datetime), and Ajv reports the failure of every branch. A branch whose
 * discriminator does not match the data (a `const`/`enum` on a `type` member, or the wrong JSON type for the
 * value itself) is not what the author meant, so its errors are dropped; what remains is deduplicated, repeated
 * errors along an array are collapsed, and a combinator whose every branch was dropped gets one synthesized
 * message ("must be one of ...").
 *
 * Limits: branches are recognised from Ajv's `schemaPath` (`.../oneOf/2/...`). Errors raised inside a schema
 * reached through a `$ref` that Ajv compiled separately carry that schema's own path, so a mismatching branch
 * is only dropped there if the referenced schema itself shows the mismatch.
 */
import type { ErrorObject } from 'ajv';

/** One readable schema error. `path` is a JSON pointer into the validated object ('' is the object itself). */
export interface SchemaIssue {
  path: string;
  message: string;
  schema?: string;
}

/** At most this many errors of one kind along an array (e.g. every coordinate of a ring) are listed. */
const MAX_SIMILAR = 3;
const MAX_ISSUES = 50;
const COMBINATORS = new Set(['oneOf', 'anyOf']);
const BRANCH_SEGMENT = /\/(?:oneOf|anyOf)\/\d+(?=\/|$)/g;

/**
 * Summarises the errors Ajv reported for one validation of `data` against the schema `schemaUrl`. Messages quote
 * the offending value where it helps (formats, patterns, enums, constants, types).
 */
export function summarizeSchemaErrors(
  errors: readonly ErrorObject[],
  schemaUrl: string,
  data: unknown,
): SchemaIssue[] {
  const mismatchedBranches = new Set<string>();
  for (const error of errors) {
    const branch = innermostBranch(error.schemaPath);
    if (branch && isDiscriminatorMismatch(error)) mismatchedBranches.add(branch);
  }
  const isInDroppedBranch = (error: ErrorObject): boolean =>
    branchPrefixes(error.schemaPath).some((prefix) => mismatchedBranches.has(prefix));

  const kept = errors.filter((error) => error.keyword !== 'if' && !isInDroppedBranch(error));
  const issues: SchemaIssue[] = kept
    .filter((error) => !COMBINATORS.has(error.keyword))
    .map((error) => ({ path: error.instancePath, message: describe(error, data), schema: schemaUrl }));
  // A combinator is only worth reporting when nothing more precise was found at or below its path; the deepest
  // go first, so an outer oneOf is silent once an inner one has explained the problem.
  const combinators = kept
    .filter((error) => COMBINATORS.has(error.keyword))
    .sort((a, b) => depth(b.instancePath) - depth(a.instancePath));
  for (const combinator of combinators) {
    if (issues.some((issue) => isAtOrBelow(issue.path, combinator.instancePath))) continue;
    issues.push(synthesizeCombinatorIssue(combinator, errors, schemaUrl, data));
  }
  return collapse(issues);
}

function depth(pointer: string): number {
  return pointer === '' ? 0 : pointer.split('/').length;
}

/** A failure that shows the branch does not apply to this data, rather than data that is wrong. */
function isDiscriminatorMismatch(error: ErrorObject): boolean {
  if (error.keyword === 'const' || error.keyword === 'enum') return error.instancePath.endsWith('/type');
  if (error.keyword !== 'type') return false;
  // The wrong JSON type for the whole value a branch describes, or a null-only alternative (the null-geometry
  // branch of an Item): the data is of another kind, not wrong inside this branch.
  return error.params.type === 'null' || /\/(?:oneOf|anyOf)\/\d+\/type$/.test(error.schemaPath);
}

function innermostBranch(schemaPath: string): string | undefined {
  const prefixes = branchPrefixes(schemaPath);
  return prefixes[prefixes.length - 1];
}

/** Every `.../oneOf/N` prefix of a schema path, outermost first. */
function branchPrefixes(schemaPath: string): string[] {
  const prefixes: string[] = [];
  for (const match of schemaPath.matchAll(BRANCH_SEGMENT)) {
    prefixes.push(schemaPath.slice(0, (match.index ?? 0) + match[0].length));
  }
  return prefixes;
}

function isAtOrBelow(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(ancestor + '/');
}

/** "must be one of ..." from the discriminators of the combinator's branches, when they name them. */
function synthesizeCombinatorIssue(
  combinator: ErrorObject,
  errors: readonly ErrorObject[],
  schemaUrl: string,
  data: unknown,
): SchemaIssue {
  const prefix = combinator.schemaPath + '/';
  const branchErrors = errors.filter((error) => error.schemaPath.startsWith(prefix));
  const typePath = combinator.instancePath + '/type';
  const allowedTypes = unique(
    branchErrors
      .filter(
        (error) => error.instancePath === typePath && (error.keyword === 'const' || error.keyword === 'enum'),
      )
      .flatMap((error) => allowedValuesOf(error)),
  );
  if (allowedTypes.length > 0) {
    const got = preview(valueAt(data, typePath));
    return {
      path: typePath,
      message: `must be one of ${formatValues(allowedTypes)}, got ${got}`,
      schema: schemaUrl,
    };
  }
  const jsonTypes = unique(
    branchErrors
      .filter((error) => error.keyword === 'type' && error.instancePath === combinator.instancePath)
      .map((error) => String(error.params.type)),
  );
  if (jsonTypes.length > 0 && jsonTypes.length === countBranches(branchErrors, prefix)) {
    const got = preview(valueAt(data, combinator.instancePath));
    return {
      path: combinator.instancePath,
      message: `must be ${jsonTypes.join(' or ')}, got ${got}`,
      schema: schemaUrl,
    };
  }
  const passing = combinator.params.passingSchemas as number[] | null | undefined;
  const message = passing
    ? `matches ${passing.length} alternatives (${passing.join(', ')}) of a oneOf that allows exactly one`
    : `does not match any of the allowed alternatives (${combinator.keyword})`;
  return { path: combinator.instancePath, message, schema: schemaUrl };
}

function countBranches(branchErrors: readonly ErrorObject[], prefix: string): number {
  return new Set(branchErrors.map((error) => error.schemaPath.slice(prefix.length).split('/')[0])).size;
}

function allowedValuesOf(error: ErrorObject): unknown[] {
  if (error.keyword === 'const') return [error.params.allowedValue];
  return (error.params.allowedValues as unknown[] | undefined) ?? [];
}

const FORMAT_NAMES: Record<string, string> = {
  iri: 'an absolute IRI (with a scheme, e.g. https://...)',
  uri: 'an absolute URI (with a scheme, e.g. https://...)',
  'iri-reference': 'an IRI reference',
  'uri-reference': 'a URI reference',
  'date-time': 'an RFC 3339 date-time with a time zone (e.g. 2024-05-01T06:30:00Z)',
};

/** Ajv's message, completed with the values it leaves in `params` and the offending value. */
function describe(error: ErrorObject, data: unknown): string {
  const params = error.params as Record<string, unknown>;
  const got = () => `, got ${preview(valueAt(data, error.instancePath))}`;
  switch (error.keyword) {
    case 'enum':
      return `must be one of ${formatValues((params.allowedValues as unknown[]) ?? [])}${got()}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}${got()}`;
    case 'type':
      return `must be ${String(params.type).split(',').join(' or ')}${got()}`;
    case 'additionalProperties':
      return `must not have the property '${String(params.additionalProperty)}'`;
    case 'format':
      return `must be ${FORMAT_NAMES[String(params.format)] ?? `a valid ${String(params.format)}`}${got()}`;
    case 'pattern':
      return `must match the pattern ${String(params.pattern)}${got()}`;
    case 'not':
      // STAC schemas write `not: {}` for a member that is forbidden in this context; name the two usual ones.
      if (error.instancePath === '/collection') return 'must not be set unless a link has rel "collection"';
      if (error.instancePath === '/bbox') return 'must not be set when geometry is null';
      return valueAt(data, error.instancePath) === null
        ? 'must not be null here'
        : 'must not be present here';
    default:
      return error.message ?? `fails the '${error.keyword}' rule`;
  }
}

/** The value at a JSON pointer (RFC 6901), or undefined. */
function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const token of pointer.split('/').slice(1)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function formatValues(values: readonly unknown[]): string {
  const shown = values.slice(0, 12).map((value) => JSON.stringify(value));
  return shown.join(', ') + (values.length > shown.length ? `, ... (${values.length} values)` : '');
}

/**
 * Drops exact duplicates, and keeps only the first few of errors that differ only by array index and value
 * (e.g. every coordinate of a ring), noting how many more there are on the last one kept.
 */
function collapse(issues: readonly SchemaIssue[]): SchemaIssue[] {
  const seen = new Set<string>();
  const similar = new Map<string, { count: number; last: SchemaIssue; pattern: string }>();
  const result: SchemaIssue[] = [];
  for (const issue of issues) {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pattern = issue.path.replace(/\/\d+(?=\/|$)/g, '/*');
    const shape = `${pattern}\u0000${issue.message.replace(/, got .*$/s, '')}`;
    const group = similar.get(shape) ?? { count: 0, last: issue, pattern };
    group.count += 1;
    similar.set(shape, group);
    if (group.count > MAX_SIMILAR) continue;
    group.last = issue;
    result.push(issue);
  }
  for (const group of similar.values()) {
    if (group.count > MAX_SIMILAR)
      group.last.message += ` (and ${group.count - MAX_SIMILAR} more like this at ${group.pattern})`;
  }
  return result.slice(0, MAX_ISSUES);
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
