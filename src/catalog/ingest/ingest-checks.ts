/**
 * Checks shared by both passes of an ingest: schema validation and the collection an item belongs to.
 */
import { validateStac } from '../validation/stac-validator.js';
import type { IngestProblem } from './ingest-types.js';
import { normaliseForStore, normaliseItemForStore } from './stac-object-normaliser.js';
import type { StacOrigin, StacSourceEntry } from './stac-source-entry.js';

export type ObjectEntry = Extract<StacSourceEntry, { kind: 'item' | 'collection' | 'catalog' }>;

/** Schema problems of one object, located by its origin (empty when valid), and the extensions not checked. */
export function checkStacObject(
  object: unknown,
  origin: StacOrigin,
): { problems: IngestProblem[]; unknownExtensions: string[] } {
  const result = validateStac(object);
  const objectId = objectIdOf(object);
  const problems = result.valid
    ? []
    : result.errors.map((error) => ({
        origin,
        objectId,
        path: error.path,
        message: error.message,
        schema: error.schema,
      }));
  return { problems, unknownExtensions: result.unknownExtensions };
}

/** Schema problems of one object, located by its origin; empty when valid. */
export function validationProblems(object: unknown, origin: StacOrigin): IngestProblem[] {
  return checkStacObject(object, origin).problems;
}

/** The `id` of a parsed object, when it is a string. */
export function objectIdOf(object: unknown): string | undefined {
  const id = (object as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** The collection of an item: its own, else the one it was found under, else the default given. */
export function itemCollectionId(entry: ObjectEntry, defaultCollection?: string): string | undefined {
  const own = entry.object.collection;
  if (typeof own === 'string' && own !== '') return own;
  return entry.parentCollectionId ?? defaultCollection;
}

/** The problem of an item whose collection is nowhere to be found. */
export function missingCollectionMessage(collectionId: string): string {
  return `collection '${collectionId}' does not exist in the catalogue nor in the sources; ingest it first`;
}

export type PreparedObject =
  | { ok: true; object: Record<string, unknown>; collectionId?: string }
  | { ok: false; problem: IngestProblem };

/**
 * The object as it will be stored: an item gets its collection and the matching `collection` link, and the
 * source's structural links are dropped (see stac-object-normaliser.ts). Ingest validates this form, so that
 * an item is not rejected for a `collection` link it lacks in the source but gets here.
 */
export function prepareForStore(entry: ObjectEntry, defaultCollection?: string): PreparedObject {
  const location = entry.origin.location;
  if (entry.kind !== 'item') return { ok: true, object: normaliseForStore(entry.object, location) };
  const collectionId = itemCollectionId(entry, defaultCollection);
  if (collectionId === undefined) {
    return {
      ok: false,
      problem: {
        origin: entry.origin,
        objectId: objectIdOf(entry.object),
        message: 'item has no "collection" and was not found under a collection; pass --collection <id>',
      },
    };
  }
  return { ok: true, object: normaliseItemForStore(entry.object, location, collectionId), collectionId };
}
