/**
 * Consistency checks on time ranges and collection extents that the STAC JSON Schemas leave out: an Item's
 * `start_datetime` must not be after its `end_datetime`, a Collection's temporal intervals must not end before
 * they start, and its spatial bboxes must have south ≤ north and latitudes within ±90.
 * See https://github.com/radiantearth/stac-spec/blob/v1.1.0/commons/common-metadata.md#date-and-time-range
 * and https://github.com/radiantearth/stac-spec/blob/v1.1.0/collection-spec/collection-spec.md#extents
 *
 * Limits: values that are not valid RFC 3339 date-times are left to the schema errors; time ordering uses
 * millisecond precision.
 */
import { checkBbox, type Findings } from './geometry-checks.js';

/** Checks `start_datetime` ≤ `end_datetime` in an Item's properties (path `/properties`). */
export function checkItemTimeRange(properties: Record<string, unknown>, findings: Findings): void {
  const start = parseTime(properties.start_datetime);
  const end = parseTime(properties.end_datetime);
  if (start === undefined || end === undefined || start <= end) return;
  findings.errors.push({
    path: '/properties/end_datetime',
    message: `end_datetime ${String(properties.end_datetime)} is before start_datetime ${String(properties.start_datetime)}`,
  });
}

/** Checks the spatial and temporal extent of a Collection already known to match the Collection schema. */
export function checkCollectionExtent(extent: unknown, findings: Findings): void {
  if (!isRecord(extent)) return;
  const bboxes = isRecord(extent.spatial) ? extent.spatial.bbox : undefined;
  if (Array.isArray(bboxes)) {
    bboxes.forEach((bbox, index) => {
      if (Array.isArray(bbox) && bbox.every((value) => typeof value === 'number')) {
        checkBbox(bbox, null, `/extent/spatial/bbox/${index}`, findings);
      }
    });
  }
  const intervals = isRecord(extent.temporal) ? extent.temporal.interval : undefined;
  if (Array.isArray(intervals)) {
    intervals.forEach((interval, index) => {
      if (!Array.isArray(interval)) return;
      const start = parseTime(interval[0]);
      const end = parseTime(interval[1]);
      if (start !== undefined && end !== undefined && start > end) {
        findings.errors.push({
          path: `/extent/temporal/interval/${index}`,
          message: `interval ends (${String(interval[1])}) before it starts (${String(interval[0])})`,
        });
      }
    });
  }
}

function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
