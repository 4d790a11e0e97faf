/**
 * Parsing of the `limit` search parameter.
 * See https://github.com/radiantearth/stac-api-spec/tree/v1.0.0/item-search#limit
 */
import { InvalidSearchError } from '../catalog-errors.js';

/** Page-size policy of a server. */
export interface LimitPolicy {
  /** Page size when the request names none (STAC API recommends 10). */
  defaultLimit: number;
  /** Largest page served; larger requests are clamped to it, as OGC API – Features requires. */
  maxLimit: number;
}

/** Default limits: 10 items a page, at most 10,000 (a page of 10,000 small items is about 20 MB of JSON). */
export const DEFAULT_LIMIT_POLICY: LimitPolicy = { defaultLimit: 10, maxLimit: 10_000 };

/**
 * Parses `limit` (a string from a query or a number from a body); absent → default, above max → max.
 * @throws InvalidSearchError when the value is not a positive integer.
 */
export function parseLimit(
  input: unknown,
  policy: LimitPolicy = DEFAULT_LIMIT_POLICY,
  location = 'limit',
): number {
  if (input === undefined || input === null || input === '')
    return Math.min(policy.defaultLimit, policy.maxLimit);
  const value = typeof input === 'string' && /^\s*[+-]?\d+\s*$/.test(input) ? Number(input) : input;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InvalidSearchError(
      `limit must be a positive integer, got ${JSON.stringify(input)?.slice(0, 50)}`,
      location,
    );
  }
  return Math.min(value, policy.maxLimit);
}
