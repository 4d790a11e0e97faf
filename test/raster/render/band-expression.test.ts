import { describe, expect, it } from 'vitest';
import {
  bandNamesOf,
  evaluateBandExpression,
  parseBandExpression,
  type ExpressionNode,
} from '../../../src/raster/render/band-expression.js';
import { mulberry32 } from '../../support/mulberry32.js';

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

describe('band expressions over many pixels', () => {
  /** A pixel-by-pixel evaluation of the tree, independent of the array-at-a-time one. */
  function reference(node: ExpressionNode, bands: Map<string, Float64Array>, p: number): number {
    switch (node.kind) {
      case 'number':
        return node.value;
      case 'band':
        return bands.get(node.name)![p];
      case 'unary':
        return -reference(node.operand, bands, p);
      case 'binary': {
        const [a, b] = [reference(node.left, bands, p), reference(node.right, bands, p)];
        const results: Record<string, number> = {
          '+': a + b,
          '-': a - b,
          '*': a * b,
          '/': a / b,
          '%': a % b,
          '^': a ** b,
          '<': Number(a < b),
          '<=': Number(a <= b),
          '>': Number(a > b),
          '>=': Number(a >= b),
          '==': Number(a === b),
          '!=': Number(a !== b),
        };
        return results[node.operator];
      }
      case 'call': {
        const args = node.args.map((arg) => reference(arg, bands, p));
        if (node.name === 'where') return args[0] !== 0 && !Number.isNaN(args[0]) ? args[1] : args[2];
        return (Math as unknown as Record<string, (...values: number[]) => number>)[node.name](...args);
      }
    }
  }

  it.each([
    '(b2-b1)/(b2+b1)',
    'b1 - b1 * 2 + b1',
    '-(b1 - b2) ^ 2 % 7',
    'where(b1 > b2, sqrt(b1), log(b2 - 3))',
    'min(b1, b2, 4, b1 * b2) + max(b2, 1)',
    'atan2(b1, b2) * (b1 != b2) + (b1 == 3) - (b2 <= 2)',
    '2 * 3 + 1',
    'b2',
  ])('%s gives the pixel-by-pixel values and leaves the bands as they were', (expression) => {
    const random = mulberry32(7);
    const n = 1000;
    const b1 = Float64Array.from({ length: n }, () => Math.floor(random() * 8) - 2);
    const b2 = Float64Array.from({ length: n }, () => Math.floor(random() * 8) - 2);
    const [copy1, copy2] = [Float64Array.from(b1), Float64Array.from(b2)];
    const bands = new Map([
      ['b1', b1],
      ['b2', b2],
    ]);
    const mask = Uint8Array.from({ length: n }, () => (random() < 0.2 ? 0 : 255));
    const tree = parseBandExpression(expression);
    const result = evaluateBandExpression(tree, bands, mask);
    for (let p = 0; p < n; p++) {
      const expected = reference(tree, bands, p);
      const isValid = mask[p] !== 0 && Number.isFinite(expected);
      expect(result.mask[p]).toBe(isValid ? 255 : 0);
      expect(result.values[p]).toBe(isValid ? expected : 0);
    }
    expect(result.mask).toContain(0);
    expect(b1).toEqual(copy1);
    expect(b2).toEqual(copy2);
    expect(result.values).not.toBe(b2);
  });
});
