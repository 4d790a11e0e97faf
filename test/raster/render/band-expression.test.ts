import { describe, expect, it } from 'vitest';
import {
  bandNamesOf,
  evaluateBandExpression,
  parseBandExpression,
} from '../../../src/raster/render/band-expression.js';

function evaluate(expression: string, b1: number[], b2: number[] = b1): (number | null)[] {
  const bands = new Map([
    ['b1', Float64Array.from(b1)],
    ['b2', Float64Array.from(b2)],
  ]);
  const { values, mask } = evaluateBandExpression(
    parseBandExpression(expression),
    bands,
    new Uint8Array(b1.length).fill(255),
  );
  return Array.from(values, (value, i) => (mask[i] ? value : null));
}

describe('band expressions', () => {
  it.each([
    ['(b2-b1)/(b2+b1)', [1, 3], [3, 1], [0.5, -0.5]],
    ['b1 + b2 * 2', [1], [3], [7]],
    ['-b1^2', [3], [0], [-9]],
    ['2^3^2', [0], [0], [512]],
    ['b1 ** 2', [4], [0], [16]],
    ['sqrt(b1) + abs(-b2)', [9], [-2], [5]],
    ['max(b1, b2, 10)', [1], [20], [20]],
    ['where(b1 > 2, b1, 0)', [1, 5], [0, 0], [0, 5]],
    ['b1 >= 2', [1, 2], [0, 0], [0, 1]],
    ['1.5e1 + .5', [0], [0], [15.5]],
    ['b1 / b2', [1, 1], [0, 2], [null, 0.5]],
    ['log(b1)', [-1], [0], [null]],
  ])('%s', (expression, b1, b2, expected) => {
    expect(evaluate(expression, b1, b2)).toEqual(expected);
  });

  it('lists the band names it uses', () => {
    expect(bandNamesOf(parseBandExpression('(B08_b1 - red) / (B08_b1 + red)'))).toEqual(['B08_b1', 'red']);
  });

  it.each([
    ['', /expected a number, a band or "\(" but found the end of the expression at character 1/],
    ['(b1 + b2', /expected "\)" but found the end of the expression at character 9/],
    ['b1 +* b2', /expected a number, a band or "\(" but found "\*" at character 5/],
    ['b1 b2', /unexpected "b2" at character 4/],
    ['process.exit(1)', /unexpected character "\." at character 8/],
    ['constructor("return 1")()', /unexpected character """ at character 13/],
    ['eval(b1)', /unknown function "eval" at character 1/],
    ['sqrt(b1, b2)', /sqrt\(\) takes 1 argument\(s\), not 2/],
    ['b1; b2', /unexpected character ";"/],
    ['b1+'.repeat(120) + 'b1', /more than 200 terms/],
    ['b1+'.repeat(400) + 'b1', /longer than 1000 characters/],
  ])('rejects %j', (expression, message) => {
    expect(() => parseBandExpression(expression)).toThrow(message);
  });
});
