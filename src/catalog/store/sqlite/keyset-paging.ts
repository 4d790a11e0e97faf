/**
 * Keyset ("seek") paging over an ordered SQL query. A token holds the sort key of the last (or first) row
 * of a page plus a unique tie-breaker, so the next page starts strictly after that row: no item is skipped
 * or repeated when rows are inserted or deleted between pages, and page 50 costs the same as page 1.
 *
 * SQLite orders NULL before every value; keys follow that order so indexes serve both directions.
 */
import { InvalidSearchError } from '../../catalog-errors.js';

/** One ordering term: a SQL expression and its direction. */
export interface OrderTerm {
  sql: string;
  direction: 'asc' | 'desc';
  /** True when the expression is never NULL: simpler conditions and an index seek in both directions. */
  notNull?: boolean;
}

/** The decoded content of a paging token. */
export interface PageToken {
  /** 'next': rows after `key`; 'prev': rows before it. */
  direction: 'next' | 'prev';
  /** Values of the order terms, tie-breaker last. */
  key: unknown[];
}

interface TokenBody {
  d: 'n' | 'p';
  k: unknown[];
  s: string;
}

/** Encodes a token; `signature` ties it to one ordering so a token cannot be replayed with another sort. */
export function encodePageToken(token: PageToken, signature: string): string {
  const body: TokenBody = { d: token.direction === 'next' ? 'n' : 'p', k: token.key, s: signature };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** Decodes a token; throws InvalidSearchError (location `token`) when it is malformed or made for another sort. */
export function decodePageToken(token: string, signature: string, keyLength: number): PageToken {
  let body: TokenBody;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as TokenBody;
  } catch {
    throw new InvalidSearchError('the paging token is not one this server issued', 'token');
  }
  const valid =
    body !== null &&
    typeof body === 'object' &&
    (body.d === 'n' || body.d === 'p') &&
    Array.isArray(body.k) &&
    body.k.length === keyLength &&
    body.k.every((v) => v === null || typeof v === 'number' || typeof v === 'string');
  if (!valid) throw new InvalidSearchError('the paging token is not one this server issued', 'token');
  if (body.s !== signature) {
    throw new InvalidSearchError('the paging token belongs to a search with another sort order', 'token');
  }
  return { direction: body.d === 'n' ? 'next' : 'prev', key: body.k };
}

/** ORDER BY text of the terms, reversed for a 'prev' page. */
export function orderBySql(terms: OrderTerm[], reverse: boolean): string {
  return terms.map((t) => `${t.sql} ${(t.direction === 'asc') !== reverse ? 'ASC' : 'DESC'}`).join(', ');
}

/**
 * The condition selecting rows strictly after `key` in the order of `terms` (strictly before when `reverse`).
 * Lexicographic: (t1 after) OR (t1 equal AND t2 after) OR …, with NULL smallest. The first term also gets a
 * plain range bound so that an index on it is used as a seek rather than a scan.
 */
export function keysetCondition(
  terms: OrderTerm[],
  key: unknown[],
  reverse: boolean,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const alternatives: string[] = [];
  const equalities: string[] = [];
  const equalityParams: unknown[] = [];
  terms.forEach((term, index) => {
    const value = key[index];
    const ascending = (term.direction === 'asc') !== reverse;
    let after: string | undefined;
    const afterParams: unknown[] = [];
    if (value === null) {
      if (ascending) after = `${term.sql} IS NOT NULL`;
    } else {
      after = ascending
        ? `${term.sql} > ?`
        : term.notNull
          ? `${term.sql} < ?`
          : `(${term.sql} < ? OR ${term.sql} IS NULL)`;
      afterParams.push(value);
    }
    if (after) {
      alternatives.push([...equalities, after].join(' AND '));
      params.push(...equalityParams, ...afterParams);
    }
    equalities.push(value === null ? `${term.sql} IS NULL` : `${term.sql} = ?`);
    if (value !== null) equalityParams.push(value);
  });
  if (alternatives.length === 0) return { sql: '0', params: [] };
  let sql = `(${alternatives.map((a) => `(${a})`).join(' OR ')})`;
  const first = terms[0];
  const firstValue = key[0];
  const firstAscending = (first.direction === 'asc') !== reverse;
  if (firstValue !== null && (firstAscending || first.notNull)) {
    sql = `${first.sql} ${firstAscending ? '>=' : '<='} ? AND ${sql}`;
    params.unshift(firstValue);
  }
  return { sql, params };
}
