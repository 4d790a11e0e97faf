/**
 * Evaluation of an {@link ObservationQuery} over series read from any store: shared by every backend so
 * they all answer SensorThings Observation queries the same way.
 */
import type { ObservationBatch } from '../model/insitu-types.js';
import {
  compilePredicate,
  timeBounds,
  type ObservationPage,
  type ObservationQuery,
  type ObservationRow,
} from '../query/observation-query.js';

/**
 * Runs `query` over datastreams `ids` (in that order), reading each series with `read(id, start, end)`.
 * With the default order and no count it stops reading as soon as the page is full.
 */
export async function queryObservationsWith(
  query: ObservationQuery,
  ids: readonly string[],
  read: (id: string, start: number, end: number) => ObservationBatch | Promise<ObservationBatch>,
): Promise<ObservationPage> {
  const test = compilePredicate(query.predicate);
  const { start, end } = timeBounds(query.predicate);
  const offset = query.offset ?? 0;
  const naturalOrder = query.orderBy === undefined || query.orderBy.length === 0;
  const stopAt = naturalOrder && !query.count ? offset + query.limit : Infinity;
  const matches: ObservationRow[] = [];
  let count = 0;
  for (const datastreamId of ids) {
    if (count >= stopAt) break;
    const batch = await read(datastreamId, start, end);
    for (let i = 0; i < batch.time.length && count < stopAt; i++) {
      if (!test(batch.time[i], batch.value[i], batch.uncertainty[i], batch.quality[i])) continue;
      count++;
      // Keep every match when sorting is needed; otherwise only those of the requested page.
      if (!naturalOrder || (count > offset && count <= offset + query.limit)) {
        matches.push({
          datastreamId,
          time: batch.time[i],
          value: batch.value[i],
          uncertainty: batch.uncertainty[i],
          quality: batch.quality[i],
        });
      }
    }
  }
  if (naturalOrder) return { rows: matches, count: query.count ? count : undefined };
  const orderBy = query.orderBy ?? [];
  matches.sort((a, b) => {
    for (const { field, descending } of orderBy) {
      const difference = a[field] - b[field];
      if (difference !== 0) return descending ? -difference : difference;
    }
    return 0;
  });
  return { rows: matches.slice(offset, offset + query.limit), count: query.count ? count : undefined };
}
