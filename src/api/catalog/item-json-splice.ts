/**
 * Serves stored item texts without parsing and re-serialising whole documents: the top-level members of the
 * stored JSON are located by one scan, the few the API rewrites (links, and when needed assets and
 * stac_extensions) are parsed, rewritten and serialised on their own, and every other member (properties,
 * geometry, most of an item's bytes) is copied as text. Parsing and serialising a 3–4 kB item cost about
 * 55 µs, a tenth of a search page's whole budget; the scan costs a few.
 */

/** A top-level member of a JSON object text: its key and where its value lies (`text.slice(start, end)`). */
interface Member {
  key: string;
  start: number;
  end: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** Index just after the string starting at the quote at `start`. */
function afterString(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) throw new SyntaxError('unterminated string in stored JSON');
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/** The key whose quoted text spans [start, end): read as is unless it holds an escape. */
function keyOf(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  return inner.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : inner;
}

/**
 * The top-level members of a JSON object text, in order. The text must be valid JSON (as written by
 * JSON.stringify): the scan only tracks strings and nesting.
 */
export function topLevelMembers(text: string): Member[] {
  const members: Member[] = [];
  let depth = 0;
  let key: string | undefined;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = afterString(text, i);
      if (depth === 1 && key === undefined) key = keyOf(text, i, end);
      i = end - 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 1 && key !== undefined) {
        members.push({ key, start, end: i });
        key = undefined;
      }
      depth--;
    } else if (depth === 1) {
      if (c === COLON) {
        start = i + 1;
      } else if (c === COMMA && key !== undefined) {
        members.push({ key, start, end: i });
        key = undefined;
      }
    }
  }
  return members;
}

/** A stored JSON object text, read member by member, with some members replaced or added. */
export class JsonObjectText {
  private readonly members: Member[];
  private readonly replaced = new Map<string, string>();

  constructor(private readonly text: string) {
    this.members = topLevelMembers(text);
  }

  /** The parsed value of a member; undefined when absent. */
  value<T>(key: string): T | undefined {
    const member = this.members.find((m) => m.key === key);
    return member === undefined ? undefined : (JSON.parse(this.text.slice(member.start, member.end)) as T);
  }

  /** The raw text of a member's value; undefined when absent. */
  raw(key: string): string | undefined {
    const member = this.members.find((m) => m.key === key);
    return member === undefined ? undefined : this.text.slice(member.start, member.end);
  }

  /** Replaces a member's value (added at the end when absent). */
  set(key: string, value: unknown): void {
    this.replaced.set(key, JSON.stringify(value));
  }

  /** The object text with the replacements: members in their stored order, added ones last. */
  toString(): string {
    if (this.replaced.size === 0) return this.text;
    // Copies the stored text between replaced values, in one pass of slices.
    let result = '';
    let copiedTo = 0;
    const written = new Set<string>();
    for (const { key, start, end } of this.members) {
      const replacement = this.replaced.get(key);
      if (replacement === undefined) continue;
      result += this.text.slice(copiedTo, start) + replacement;
      copiedTo = end;
      written.add(key);
    }
    const closing = this.text.lastIndexOf('}');
    result += this.text.slice(copiedTo, closing);
    for (const [key, value] of this.replaced) {
      if (written.has(key)) continue;
      result += `${this.members.length > 0 || written.size > 0 ? ',' : ''}${JSON.stringify(key)}:${value}`;
      written.add(key);
    }
    return result + this.text.slice(closing);
  }
}
