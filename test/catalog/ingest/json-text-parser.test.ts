import { describe, expect, it } from 'vitest';
import { findJsonErrorOffset, parseJsonText } from '../../../src/catalog/ingest/json-text-parser.js';

describe('findJsonErrorOffset', () => {
  it.each([
    ['{"a": broken}', 6],
    ['{"a":[1,2,]}', 10],
    ['{"a":"x\\q"}', 7],
    ['{"a":"\u0001"}', 6],
    ['{"a":1} x', 8],
    ['{"a":1', 6],
    ['{\n  "type": "Feature",\n  "id": oops\n}', 31],
  ])('%j fails at offset %i', (text, offset) => {
    expect(findJsonErrorOffset(text)).toBe(offset);
  });

  it('returns the text length for valid JSON', () => {
    const text = '{"a":"\\u00e9","b":[true,false,null,-1.5e3]}';
    expect(findJsonErrorOffset(text)).toBe(text.length);
  });
});

describe('parseJsonText', () => {
  it('parses valid JSON', () => {
    expect(parseJsonText('{"a":[1,"b"]}')).toEqual({ ok: true, value: { a: [1, 'b'] } });
  });

  it('locates a syntax error by line and column', () => {
    expect(parseJsonText('{\n  "type": "Feature",\n  "id": oops\n}')).toMatchObject({
      ok: false,
      line: 3,
      column: 9,
    });
  });
});
