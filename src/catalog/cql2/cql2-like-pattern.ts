/**
 * CQL2 LIKE patterns: `%` matches any sequence, `_` one character, backslash escapes the next character.
 * Matching is case-sensitive (wrap both sides in CASEI for the insensitive form). Provides a RegExp for
 * in-memory evaluation and a GLOB pattern for SQLite, whose LIKE is case-insensitive.
 * See OGC 21-065r2 clause 7.5.3 (LIKE predicate).
 */
const regexCache = new Map<string, RegExp>();

interface PatternPart {
  kind: 'any' | 'one' | 'text';
  text: string;
}

function splitPattern(pattern: string): PatternPart[] {
  const parts: PatternPart[] = [];
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '\\' && i + 1 < chars.length) parts.push({ kind: 'text', text: chars[++i] });
    else if (ch === '%') parts.push({ kind: 'any', text: ch });
    else if (ch === '_') parts.push({ kind: 'one', text: ch });
    else parts.push({ kind: 'text', text: ch });
  }
  return parts;
}

/** Tests `value` against a CQL2 LIKE pattern. */
export function matchesLikePattern(value: string, pattern: string): boolean {
  let regex = regexCache.get(pattern);
  if (regex === undefined) {
    const body = splitPattern(pattern)
      .map((p) =>
        p.kind === 'any' ? '.*' : p.kind === 'one' ? '.' : p.text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'),
      )
      .join('');
    regex = new RegExp(`^${body}$`, 'su');
    if (regexCache.size > 256) regexCache.clear();
    regexCache.set(pattern, regex);
  }
  return regex.test(value);
}

/** The SQLite GLOB pattern equivalent to a CQL2 LIKE pattern (GLOB is case-sensitive and index-friendly). */
export function likePatternToGlob(pattern: string): string {
  return splitPattern(pattern)
    .map((p) =>
      p.kind === 'any' ? '*' : p.kind === 'one' ? '?' : /[*?[\]]/.test(p.text) ? `[${p.text}]` : p.text,
    )
    .join('');
}
