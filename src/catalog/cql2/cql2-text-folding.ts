/**
 * Case and accent folding for CASEI and ACCENTI, shared by the evaluator and the SQLite functions so
 * both give the same answer. Case folding is Unicode lower-casing; accent folding removes combining
 * marks after canonical decomposition (é → e, ș → s, ă → a), leaving base letters such as ø unchanged.
 * See OGC 21-065r2 clause 7.6 (Case-insensitive comparison) and 7.7 (Accent-insensitive comparison).
 */
const COMBINING_MARKS = /\p{M}+/gu;

/** CASEI: Unicode lower case. */
export function foldCase(text: string): string {
  return text.toLowerCase();
}

/** ACCENTI: the text without diacritical marks, recomposed to NFC. */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}
