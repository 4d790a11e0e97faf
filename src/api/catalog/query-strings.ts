/**
 * Request shaping shared by the search routes. Query strings after Fastify's schema coercion hold numbers
 * (e.g. `limit`); the search parsers and the paging links work on the strings the client sent.
 */

/** Returns the query with every defined value as a string. */
export function stringQuery(query: object): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) result[key] = String(value);
  }
  return result;
}

/**
 * A `preValidation` hook for search routes: a POST without a body (or with JSON `null`) is the empty
 * search, as for GET without parameters.
 */
export async function emptyBodyAsEmptySearch(request: { body: unknown }): Promise<void> {
  if (request.body === undefined || request.body === null) request.body = {};
}
