/**
 * Downsampling of long series for plotting: a screen shows at most a few thousand points, so a 1-year
 * 30-second series (1 M points) is reduced on the server. Both functions return the indices of the points
 * to keep, in increasing order, so callers can pick times, values, uncertainties and flags alike.
 * NaN values are never selected.
 */

/**
 * Min/max per bucket: the time range is cut into `buckets` equal intervals and, in each, the points with
 * the smallest and largest value are kept (one point when they coincide). Every extreme survives, which is
 * what a plot of spikes and steps needs. At most 2·buckets indices; the first and last points are kept.
 * @param time sorted ascending.
 */
export function downsampleMinMax(time: Float64Array, value: Float64Array, buckets: number): Int32Array {
  const n = time.length;
  if (n === 0) return new Int32Array(0);
  const count = Math.max(1, Math.floor(buckets));
  const start = time[0];
  const span = time[n - 1] - start;
  const minIndex = new Int32Array(count).fill(-1);
  const maxIndex = new Int32Array(count).fill(-1);
  for (let i = 0; i < n; i++) {
    const v = value[i];
    if (Number.isNaN(v)) continue;
    const b = span > 0 ? Math.min(count - 1, Math.floor(((time[i] - start) / span) * count)) : 0;
    if (minIndex[b] < 0 || v < value[minIndex[b]]) minIndex[b] = i;
    if (maxIndex[b] < 0 || v > value[maxIndex[b]]) maxIndex[b] = i;
  }
  const kept: number[] = [];
  if (!Number.isNaN(value[0])) kept.push(0);
  for (let b = 0; b < count; b++) {
    if (minIndex[b] < 0) continue;
    const [a, c] = minIndex[b] < maxIndex[b] ? [minIndex[b], maxIndex[b]] : [maxIndex[b], minIndex[b]];
    if (kept[kept.length - 1] !== a) kept.push(a);
    if (c !== a) kept.push(c);
  }
  if (!Number.isNaN(value[n - 1]) && kept[kept.length - 1] !== n - 1) kept.push(n - 1);
  return Int32Array.from(kept);
}

/**
 * Largest-Triangle-Three-Buckets (Steinarsson 2013, "Downsampling time series for visual representation",
 * MSc thesis, University of Iceland, §4.2): keeps the first and last points and, in each of `threshold − 2`
 * buckets of equal point count, the point forming the largest triangle with the previously kept point and
 * the average of the next bucket. Preserves the visual shape better than min/max for smooth series.
 * Returns all indices when `threshold` ≥ the number of (non-NaN) points or `threshold` < 3.
 */
export function downsampleLttb(time: Float64Array, value: Float64Array, threshold: number): Int32Array {
  const valid: number[] = [];
  for (let i = 0; i < value.length; i++) if (!Number.isNaN(value[i])) valid.push(i);
  const n = valid.length;
  if (threshold >= n || threshold < 3) return Int32Array.from(valid);
  const kept = new Int32Array(threshold);
  const every = (n - 2) / (threshold - 2);
  let a = 0;
  kept[0] = valid[0];
  for (let bucket = 0; bucket < threshold - 2; bucket++) {
    const nextStart = Math.floor((bucket + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((bucket + 2) * every) + 1, n);
    let averageX = 0;
    let averageY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      averageX += time[valid[j]];
      averageY += value[valid[j]];
    }
    averageX /= nextEnd - nextStart;
    averageY /= nextEnd - nextStart;
    const rangeStart = Math.floor(bucket * every) + 1;
    const rangeEnd = Math.floor((bucket + 1) * every) + 1;
    const ax = time[valid[a]];
    const ay = value[valid[a]];
    let largest = -1;
    let chosen = rangeStart;
    for (let j = rangeStart; j < rangeEnd; j++) {
      const area = Math.abs(
        (ax - averageX) * (value[valid[j]] - ay) - (ax - time[valid[j]]) * (averageY - ay),
      );
      if (area > largest) {
        largest = area;
        chosen = j;
      }
    }
    kept[bucket + 1] = valid[chosen];
    a = chosen;
  }
  kept[threshold - 1] = valid[n - 1];
  return kept;
}
