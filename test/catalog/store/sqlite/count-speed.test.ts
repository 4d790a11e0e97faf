import { describe, expect, it } from 'vitest';
import { CountSpeed } from '../../../../src/catalog/store/sqlite/count-speed.js';

describe('CountSpeed', () => {
  it('starts every count until it has seen one, then skips those more than twice over budget', () => {
    const speed = new CountSpeed();
    expect(speed.isHopeless(1_000_000, 2)).toBe(false);
    speed.record(1000, 10); // 100 candidates per ms: 200 fit in 2 ms
    expect(speed.isHopeless(400, 2)).toBe(false);
    expect(speed.isHopeless(401, 2)).toBe(true);
  });

  it('still runs one hopeless count in 16, to measure the speed again', () => {
    const speed = new CountSpeed();
    speed.record(1000, 10);
    const decisions = Array.from({ length: 32 }, () => speed.isHopeless(10_000, 2));
    expect(decisions.filter((hopeless) => !hopeless)).toHaveLength(2);
  });

  it('follows the recent speed and ignores counts too small to time', () => {
    const speed = new CountSpeed();
    speed.record(1000, 10);
    speed.record(10, 100);
    expect(speed.isHopeless(401, 2)).toBe(true);
    for (let i = 0; i < 30; i++) speed.record(4000, 10);
    expect(speed.isHopeless(1500, 2)).toBe(false);
  });
});
