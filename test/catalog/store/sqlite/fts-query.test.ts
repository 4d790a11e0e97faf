/** The free-text `q` → FTS5 translation: ORed terms, phrases, and no user text read as FTS5 syntax. */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { parseFreeTextTerms, toFtsMatch } from '../../../../src/catalog/store/sqlite/fts-query.js';

describe('toFtsMatch', () => {
  it.each([
    ['volcan', '"volcan"'],
    ['Réunion, lave', '"Réunion" OR "lave"'],
    ['coulée  de,lave', '"coulée" OR "de" OR "lave"'],
    ['"Piton de la Fournaise" cyclone', '"Piton de la Fournaise" OR "cyclone"'],
    ['title:x', '"title:x"'],
    ['a"b', '"a" OR "b"'],
    ['NEAR(a b)', '"NEAR(a" OR "b)"'],
    ['"unclosed phrase', '"unclosed phrase"'],
  ])('%s → %s', (q, expected) => {
    expect(toFtsMatch(q)).toBe(expected);
  });

  it('drops terms without any letter or digit, and rejects a q with none', () => {
    expect(parseFreeTextTerms('*, -- "" lave')).toEqual(['lave']);
    expect(() => toFtsMatch('*** ,, ""')).toThrow(/no word/);
  });

  it('produces MATCH text FTS5 always accepts', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(a, tokenize='unicode61 remove_diacritics 2')");
    db.prepare('INSERT INTO t (a) VALUES (?)').run('Éruption du Piton de la Fournaise');
    const match = db.prepare('SELECT count(*) FROM t WHERE t MATCH ?').pluck();
    for (const q of [
      'a:b',
      'x OR',
      '(((x',
      'AND',
      '{a}: b',
      "'; DROP TABLE t; --",
      'NOT x',
      '^start',
      'x*',
    ]) {
      expect(() => match.get(toFtsMatch(q))).not.toThrow();
    }
    expect(match.get(toFtsMatch('ERUPTION'))).toBe(1);
    expect(match.get(toFtsMatch('"piton de la fournaise"'))).toBe(1);
    db.close();
  });
});
