/**
 * JSON parsing that says where a syntax error is (line and column), not only the character offset.
 */

export type JsonParseOutcome =
  { ok: true; value: unknown } | { ok: false; message: string; line?: number; column?: number };

/** Parses JSON text; on failure gives V8's message plus the 1-based line and column of the error. */
export function parseJsonText(text: string): JsonParseOutcome {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    if (!position) return { ok: false, message: `invalid JSON: ${message}` };
    const offset = Number(position[1]);
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
