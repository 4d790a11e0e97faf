import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/demo/seeded-random.js';

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: string) =>
      Array.from(
        { length: 5 },
        (
          (r) => () =>
            r.next()
        )(new SeededRandom(seed)),
      );
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
  });

  it('forks independent streams: draws on the parent do not change a fork', () => {
    const parent = new SeededRandom('seed');
    const before = parent.fork('x').next();
    parent.next();
    parent.next();
    expect(parent.fork('x').next()).toBe(before);
    expect(parent.fork('y').next()).not.toBe(before);
  });

  it('stays in range and is roughly uniform (mean of 20,000 draws within 0.01 of 0.5)', () => {
    const random = new SeededRandom('uniform');
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const value = random.next();
      expect(value >= 0 && value < 1).toBe(true);
      sum += value;
    }
    expect(Math.abs(sum / 20_000 - 0.5)).toBeLessThan(0.01);
    const integers = new Set(Array.from({ length: 500 }, () => random.integer(3, 5)));
    expect([...integers].sort()).toEqual([3, 4, 5]);
  });

  it('draws normal values with the asked mean and deviation (within 3 % on 20,000 draws)', () => {
    const random = new SeededRandom('normal');
    const values = Array.from({ length: 20_000 }, () => random.normal(10, 2));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(Math.abs(mean - 10)).toBeLessThan(0.3);
    expect(Math.abs(sd - 2) / 2).toBeLessThan(0.03);
  });
});
