/**
 * JSON parsing that says where a syntax error is (line and column). V8's messages give a character offset
 * only for some errors ("Unexpected token 'b', ... is not valid JSON" has none), so on failure a small
 * recursive-descent scanner (RFC 8259 grammar) finds the offset of the first character that breaks it.
 * See https://www.rfc-editor.org/rfc/rfc8259
 */

export type JsonParseOutcome =
  { ok: true; value: unknown } | { ok: false; message: string; line?: number; column?: number };

/** Parses JSON text; on failure gives V8's message plus the 1-based line and column of the error. */
export function parseJsonText(text: string): JsonParseOutcome {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = findJsonErrorOffset(text);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return {
      ok: false,
      message: `invalid JSON: ${message.replace(/ \(line \d+ column \d+\)$/, '')}`,
      line,
      column,
    };
  }
}

class JsonSyntaxFault {
  constructor(readonly offset: number) {}
}

const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** Offset of the first character where `text` stops being valid JSON (text.length if it ends too early). */
export function findJsonErrorOffset(text: string): number {
  let at = 0;
  const fail = (): never => {
    throw new JsonSyntaxFault(at);
  };
  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at++;
  };
  const expect = (char: string) => (text[at] === char ? at++ : fail());
  const string = () => {
    expect('"');
    for (;;) {
      const char = text[at];
      if (char === '"') return void at++;
      if (char === undefined || char.charCodeAt(0) < 0x20) fail();
      if (char !== '\\') {
        at++;
        continue;
      }
      ESCAPE.lastIndex = at;
      if (!ESCAPE.test(text)) fail();
      at = ESCAPE.lastIndex;
    }
  };
  const value = (): void => {
    skipSpace();
    const char = text[at];
    if (char === '{') {
      at++;
      skipSpace();
      if (text[at] === '}') return void at++;
      for (;;) {
        skipSpace();
        string();
        skipSpace();
        expect(':');
        value();
        skipSpace();
        if (text[at] === ',') at++;
        else return void expect('}');
      }
    }
    if (char === '[') {
      at++;
      skipSpace();
      if (text[at] === ']') return void at++;
      for (;;) {
        value();
        skipSpace();
        if (text[at] === ',') at++;
        else return void expect(']');
      }
    }
    if (char === '"') return string();
    const literal = LITERALS.find((word) => text.startsWith(word, at));
    if (literal) return void (at += literal.length);
    NUMBER.lastIndex = at;
    if (NUMBER.exec(text)) return void (at = NUMBER.lastIndex);
    fail();
  };
  try {
    value();
    skipSpace();
    if (at < text.length) fail();
    return text.length;
  } catch (error) {
    if (error instanceof JsonSyntaxFault) return error.offset;
    throw error;
  }
}
