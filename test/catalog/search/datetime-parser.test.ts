import { describe, expect, it } from 'vitest';
import { parseDatetime } from '../../../src/catalog/search/datetime-parser.js';

const t = (iso: string): number => Date.parse(iso);

describe('parseDatetime', () => {
  it('parses an instant as a degenerate range', () => {
    expect(parseDatetime('2024-05-01T10:00:00Z')).toEqual({
      start: t('2024-05-01T10:00:00Z'),
      end: t('2024-05-01T10:00:00Z'),
    });
  });
  it('honours offsets and fractions', () => {
    expect(parseDatetime('2024-05-01T14:00:00.250+04:00').start).toBe(t('2024-05-01T10:00:00.250Z'));
  });
  it('parses closed and open ranges', () => {
    expect(parseDatetime('2020-01-01T00:00:00Z/2021-01-01T00:00:00Z')).toEqual({
      start: t('2020-01-01T00:00:00Z'),
      end: t('2021-01-01T00:00:00Z'),
    });
    expect(parseDatetime('../2021-01-01T00:00:00Z')).toEqual({
      start: undefined,
      end: t('2021-01-01T00:00:00Z'),
    });
    expect(parseDatetime('/2021-01-01T00:00:00Z')).toEqual({
      start: undefined,
      end: t('2021-01-01T00:00:00Z'),
    });
    expect(parseDatetime('2020-01-01T00:00:00Z/..')).toEqual({
      start: t('2020-01-01T00:00:00Z'),
      end: undefined,
    });
  });
  it.each([
    ['2024-13-01T00:00:00Z', /not an RFC 3339|not a valid calendar/],
    ['2023-02-30T00:00:00Z', /not a valid calendar date-time/],
    ['yesterday', /'yesterday' is not an RFC 3339 date-time/],
    ['2024-05-01', /not an RFC 3339/],
    ['../..', /open at both ends/],
    ['2022-01-01T00:00:00Z/2021-01-01T00:00:00Z', /starts after it ends/],
    ['a/b/c', /more than one/],
  ])('rejects %s', (input, message) => {
    expect(() => parseDatetime(input)).toThrow(message);
  });
});
