/**
 * Turns the free-text `q` of the STAC API free-text extension into a safe FTS5 MATCH expression.
 * See https://github.com/stac-api-extensions/freetext-search
 *
 * Terms are separated by spaces or commas and ORed; a "quoted phrase" matches those words in sequence.
 * Every term is emitted as an FTS5 string (double quotes doubled), so no user text is ever read as FTS5
 * syntax (operators, column filters, NEAR, prefixes). Boolean operators and +/- prefixes of the
 * extension's advanced mode are not supported: such characters are searched as text.
 */
import { InvalidSearchError } from '../../catalog-errors.js';

const WORD = /[\p{L}\p{N}]/u;

/** The terms of a `q` string: quoted phrases and bare words. */
export function parseFreeTextTerms(q: string): string[] {
  const terms: string[] = [];
  const pattern = /"([^"]*)"?|([^\s,"]+)/g;
  for (const match of q.matchAll(pattern)) {
    const term = (match[1] ?? match[2] ?? '').trim();
    if (WORD.test(term)) terms.push(term);
  }
  return terms;
}

/** The terms of `q` as FTS5 strings. Throws InvalidSearchError when `q` holds no word at all. */
export function toFtsTerms(q: string): string[] {
  const terms = parseFreeTextTerms(q);
  if (terms.length === 0)
    throw new InvalidSearchError(`q contains no word to search for: ${JSON.stringify(q)}`, 'q');
  return terms.map((term) => `"${term.replaceAll('"', '""')}"`);
}

/** FTS5 MATCH text ORing the terms of `q`. Throws InvalidSearchError when `q` holds no word at all. */
export function toFtsMatch(q: string): string {
  return toFtsTerms(q).join(' OR ');
}

/**
 * The tokens FTS5's `unicode61 remove_diacritics 2` tokenizer makes of a term, approximately (lower case,
 * accents removed, split on anything but letters and digits); used to look up term statistics.
 */
export function ftsTokens(term: string): string[] {
  return term
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
