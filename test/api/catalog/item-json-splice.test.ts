import { describe, expect, it } from 'vitest';
import { JsonObjectText, topLevelMembers } from '../../../src/api/catalog/item-json-splice.js';

describe('topLevelMembers', () => {
  it('finds each top-level member of JSON.stringify output, strings with escapes and brackets included', () => {
    const document = {
      id: 'a"b\\',
      'k"ey': [1, { nested: '}]', deeper: { links: ['not top level'] } }],
      links: [],
      empty: {},
      n: null,
    };
    const text = JSON.stringify(document);
    const members = topLevelMembers(text);
    expect(members.map((m) => m.key)).toEqual(['id', 'k"ey', 'links', 'empty', 'n']);
    const back = Object.fromEntries(members.map((m) => [m.key, JSON.parse(text.slice(m.start, m.end))]));
    expect(back).toEqual(document);
  });

  it('finds nothing in an empty object', () => {
    expect(topLevelMembers('{}')).toEqual([]);
  });
});

describe('JsonObjectText', () => {
  it('replaces members in place, adds missing ones last and copies the others as stored', () => {
    const text = JSON.stringify({ id: 'x', links: [{ rel: 'license', href: 'l' }], properties: { a: 1.5 } });
    const object = new JsonObjectText(text);
    expect(object.value('links')).toEqual([{ rel: 'license', href: 'l' }]);
    expect(object.raw('properties')).toBe('{"a":1.5}');
    object.set('links', []);
    object.set('stac_extensions', ['e']);
    expect(object.toString()).toBe('{"id":"x","links":[],"properties":{"a":1.5},"stac_extensions":["e"]}');
  });

  it('adds members to an empty object', () => {
    const object = new JsonObjectText('{}');
    object.set('a', 1);
    object.set('b', [2]);
    expect(object.toString()).toBe('{"a":1,"b":[2]}');
  });

  it('returns the stored text itself when nothing was replaced', () => {
    const text = '{"id":"x"}';
    expect(new JsonObjectText(text).toString()).toBe(text);
    expect(new JsonObjectText(text).value('missing')).toBeUndefined();
  });
});
