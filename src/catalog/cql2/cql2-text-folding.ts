/**
 * Case and accent folding for CASEI and ACCENTI, shared by the evaluator and the SQLite functions so
 * both give the same answer. Case folding is Unicode lower-casing; accent folding removes combining
 * marks after canonical decomposition (é → e, ș → s, ă → a) and maps the Latin letters whose accent
 * does not decompose (ø → o, ł → l, đ → d, æ → ae, ß → ss, …) as PostgreSQL's unaccent does.
 * See OGC 21-065r2 clause 7.6 (Case-insensitive comparison) and 7.7 (Accent-insensitive comparison).
 */
const COMBINING_MARKS = /\p{M}+/gu;
const UNDECOMPOSABLE: Record<string, string> = {
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŧ: 't',
  Ŧ: 'T',
  ŀ: 'l',
  Ŀ: 'L',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ß: 'ss',
  þ: 'th',
  Þ: 'TH',
};
const UNDECOMPOSABLE_PATTERN = new RegExp(`[${Object.keys(UNDECOMPOSABLE).join('')}]`, 'gu');

/** CASEI: Unicode lower case. */
export function foldCase(text: string): string {
  return text.toLowerCase();
}

/** ACCENTI: the text without diacritical marks, recomposed to NFC. */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(UNDECOMPOSABLE_PATTERN, (letter) => UNDECOMPOSABLE[letter])
    .normalize('NFC');
}
