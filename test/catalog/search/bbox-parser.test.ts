import { describe, expect, it } from 'vitest';
import { parseBbox } from '../../../src/catalog/search/bbox-parser.js';

describe('parseBbox', () => {
  it('parses GET and POST forms', () => {
    expect(parseBbox('55.2,-21.4,55.9,-20.8')).toEqual([55.2, -21.4, 55.9, -20.8]);
    expect(parseBbox([55.2, -21.4, 55.9, -20.8])).toEqual([55.2, -21.4, 55.9, -20.8]);
  });
  it('reduces 3D boxes to 2D', () => {
    expect(parseBbox('1,2,-10,3,4,100')).toEqual([1, 2, 3, 4]);
  });
  it('keeps antimeridian-crossing boxes (west > east)', () => {
    expect(parseBbox('170,-10,-170,10')).toEqual([170, -10, -170, 10]);
  });
  it.each([
    ['0,10,1,5', /south 10 is greater than north 5/],
    ['0,0,1', /4 or 6 numbers/],
    ['0,0,1,x', /value 4 'x' is not a finite number/],
    ['0,-91,1,1', /south -91 is outside/],
    ['-181,0,1,1', /west -181 is outside/],
    ["1,1,1,1'; DROP TABLE items; --", /not a finite number/],
  ])('rejects %s', (input, message) => {
    expect(() => parseBbox(input)).toThrow(message);
    try {
      parseBbox(input);
    } catch (error) {
      expect(error).toMatchObject({ code: 'CATALOG_INVALID_SEARCH', location: 'bbox' });
    }
  });
});
