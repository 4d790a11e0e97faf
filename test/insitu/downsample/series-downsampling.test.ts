import { describe, expect, it } from 'vitest';
import { downsampleLttb, downsampleMinMax } from '../../../src/insitu/downsample/series-downsampling.js';
import { seededRandom } from '../gnss/gnss-fixtures.js';

/**
 * Transcription of the reference LTTB of Steinarsson's thesis (JavaScript demo, sveinn-steinarsson/flot-
 * downsample) over arrays of [x, y]: the reference our typed-array version must match index for index.
 */
function referenceLttb(data: [number, number][], threshold: number): number[] {
  const sampled: number[] = [0];
  const every = (data.length - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    let avgX = 0;
    let avgY = 0;
    let avgStart = Math.floor((i + 1) * every) + 1;
    let avgEnd = Math.floor((i + 2) * every) + 1;
    avgEnd = avgEnd < data.length ? avgEnd : data.length;
    const avgLength = avgEnd - avgStart;
    for (; avgStart < avgEnd; avgStart++) {
      avgX += data[avgStart][0];
      avgY += data[avgStart][1];
    }
    avgX /= avgLength;
    avgY /= avgLength;
    let rangeOffs = Math.floor(i * every) + 1;
    const rangeTo = Math.floor((i + 1) * every) + 1;
    const [pointAX, pointAY] = data[a];
    let maxArea = -1;
    let next = rangeOffs;
    for (; rangeOffs < rangeTo; rangeOffs++) {
      const area =
        Math.abs(
          (pointAX - avgX) * (data[rangeOffs][1] - pointAY) -
            (pointAX - data[rangeOffs][0]) * (avgY - pointAY),
        ) * 0.5;
      if (area > maxArea) {
        maxArea = area;
        next = rangeOffs;
      }
    }
    sampled.push(next);
    a = next;
  }
  sampled.push(data.length - 1);
  return sampled;
}

function randomWalk(n: number, seed: number): { time: Float64Array; value: Float64Array } {
  const random = seededRandom(seed);
  const time = Float64Array.from(
    { length: n },
    (_, i) => i * 30_000 + (random.uniform() < 0.01 ? 10_000 : 0),
  );
  const value = new Float64Array(n);
  for (let i = 1; i < n; i++) value[i] = value[i - 1] + random.normal();
  return { time, value };
}

describe('LTTB', () => {
  it('matches the reference implementation on random walks', () => {
    for (const [n, threshold] of [
      [1000, 100],
      [5003, 777],
      [20, 7],
    ]) {
      const { time, value } = randomWalk(n, n);
      const data = Array.from(time, (t, i) => [t, value[i]] as [number, number]);
      expect(Array.from(downsampleLttb(time, value, threshold))).toEqual(referenceLttb(data, threshold));
    }
  });

  it('keeps a lone spike, the ends, and everything when asked for more points than there are', () => {
    const time = Float64Array.from({ length: 1000 }, (_, i) => i);
    const value = new Float64Array(1000);
    value[517] = 50;
    const kept = Array.from(downsampleLttb(time, value, 20));
    expect(kept).toContain(517);
    expect([kept[0], kept[kept.length - 1], kept.length]).toEqual([0, 999, 20]);
    expect(downsampleLttb(time.subarray(0, 5), value.subarray(0, 5), 10).length).toBe(5);
  });

  it('skips NaN values', () => {
    const value = Float64Array.of(1, NaN, 3, 4, NaN, 2, 8, 1);
    const kept = downsampleLttb(
      Float64Array.from({ length: 8 }, (_, i) => i),
      value,
      4,
    );
    expect(Array.from(kept).every((i) => !Number.isNaN(value[i]))).toBe(true);
  });
});

describe('min/max per bucket', () => {
  it('keeps the extremes of every bucket, in time order, within 2 points per bucket', () => {
    const { time, value } = randomWalk(100_000, 1);
    const buckets = 500;
    const kept = downsampleMinMax(time, value, buckets);
    expect(kept.length).toBeLessThanOrEqual(2 * buckets + 2);
    for (let k = 1; k < kept.length; k++) expect(kept[k]).toBeGreaterThan(kept[k - 1]);
    // Check bucket 123 independently.
    const span = time[time.length - 1] - time[0];
    const inBucket = Array.from(time.keys()).filter(
      (i) => Math.min(buckets - 1, Math.floor(((time[i] - time[0]) / span) * buckets)) === 123,
    );
    const values = inBucket.map((i) => value[i]);
    const keptValues = Array.from(kept).map((i) => value[i]);
    expect(keptValues).toContain(Math.min(...values));
    expect(keptValues).toContain(Math.max(...values));
    expect([kept[0], kept[kept.length - 1]]).toEqual([0, 99_999]);
  });

  it('handles a single point, a constant time and NaN', () => {
    expect(Array.from(downsampleMinMax(Float64Array.of(5), Float64Array.of(1), 10))).toEqual([0]);
    expect(Array.from(downsampleMinMax(Float64Array.of(5, 5, 5), Float64Array.of(2, NaN, 1), 10))).toEqual([
      0, 2,
    ]);
  });
});
