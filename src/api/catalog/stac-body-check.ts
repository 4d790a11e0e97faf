/**
 * Checks of transaction bodies. A STAC object sent to a transaction route is checked against the bundled STAC schemas, and reports the
 * extensions whose schemas are not bundled in the `Stac-Unknown-Extensions` response header (comma-separated
 * schema URLs): a data centre accepts records from many sources, so unknown extensions are not an error.
 */
import type { FastifyReply } from 'fastify';
import { InvalidStacObjectError } from '../../catalog/catalog-errors.js';
import { InvalidRequestError } from '../errors.js';
import { validateStac } from '../../catalog/validation/stac-validator.js';

/** Response header listing extensions that were accepted without validation. */
export const UNKNOWN_EXTENSIONS_HEADER = 'Stac-Unknown-Extensions';

/**
 * Validates `object` as a STAC `expectedType` and returns the unknown extensions it declares.
 * @throws InvalidStacObjectError (400) with every schema error, paths prefixed with `location`.
 */
export function checkStacObject(
  object: unknown,
  expectedType: 'Feature' | 'Collection',
  location = 'body',
): string[] {
  const type = (object as { type?: unknown } | null)?.type;
  if (type !== expectedType) {
    throw new InvalidStacObjectError(
      `expected a STAC ${expectedType === 'Feature' ? 'Item (type Feature)' : 'Collection'}, got type ${JSON.stringify(type)?.slice(0, 40)}`,
      [],
      location,
    );
  }
  const report = validateStac(object);
  if (!report.valid) {
    const details = report.errors.map((error) => ({
      path: `${location}${error.path}`,
      message: error.message,
    }));
    const first = details[0];
    throw new InvalidStacObjectError(
      `invalid STAC ${expectedType}: ${first ? `${first.path}: ${first.message}` : 'schema validation failed'}` +
        (details.length > 1 ? ` (and ${details.length - 1} more)` : ''),
      details,
      location,
    );
  }
  return report.unknownExtensions;
}

/** Sets the unknown-extensions header when there are any. */
export function reportUnknownExtensions(reply: FastifyReply, extensions: Iterable<string>): void {
  const list = [...new Set(extensions)];
  if (list.length > 0) reply.header(UNKNOWN_EXTENSIONS_HEADER, list.join(', '));
}

/** Sets `id` from the path when the body has none; a different id is an error. */
export function withPathId(
  body: unknown,
  id: string,
  kind: 'item' | 'collection',
  location = 'body',
): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidRequestError(`the ${kind} must be a JSON object`, location);
  }
  const object = body as Record<string, unknown>;
  if (object.id === undefined) return { ...object, id };
  if (object.id !== id) {
    throw new InvalidRequestError(
      `${kind} id '${String(object.id)}' does not match '${id}'`,
      `${location}.id`,
    );
  }
  return object;
}
