/**
 * Parsing of the `bbox` search parameter.
 * See https://github.com/radiantearth/stac-api-spec/tree/v1.0.0/item-search#query-parameter-table
 */
import { InvalidSearchError } from '../catalog-errors.js';
import type { Bbox2D } from './item-search.js';

/**
 * Parses a bbox given as `west,south,east,north` (GET) or as an array of 4 or 6 numbers (POST); the 6-number
 * form `[west, south, zmin, east, north, zmax]` is reduced to 2D, since the catalogue indexes footprints in 2D.
 * `west > east` is kept: it means the box crosses the antimeridian. `south > north` is an error.
 *
 * @throws InvalidSearchError naming the bad value and `location`.
 * @example parseBbox('55.2,-21.4,55.9,-20.8') // [55.2, -21.4, 55.9, -20.8]
 */
export function parseBbox(input: unknown, location = 'bbox'): Bbox2D {
  const values = typeof input === 'string' ? splitNumbers(input, location) : input;
  if (!Array.isArray(values) || (values.length !== 4 && values.length !== 6)) {
    throw new InvalidSearchError(
      `bbox must have 4 or 6 numbers, got ${JSON.stringify(input)}`.slice(0, 300),
      location,
    );
  }
  for (const [index, value] of values.entries()) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new InvalidSearchError(`bbox value ${index + 1} is not a finite number`, location);
    }
  }
  const numbers = values as number[];
  const [west, south, east, north] =
    numbers.length === 6 ? [numbers[0], numbers[1], numbers[3], numbers[4]] : numbers;
  if (numbers.length === 6 && numbers[2] > numbers[5]) {
    throw new InvalidSearchError(
      `bbox minimum elevation ${numbers[2]} exceeds maximum ${numbers[5]}`,
      location,
    );
  }
  checkRange(west, -180, 180, 'west', location);
  checkRange(east, -180, 180, 'east', location);
  checkRange(south, -90, 90, 'south', location);
  checkRange(north, -90, 90, 'north', location);
  if (south > north) {
    throw new InvalidSearchError(`bbox south ${south} is greater than north ${north}`, location);
  }
  return [west, south, east, north];
}

function splitNumbers(text: string, location: string): number[] {
  return text.split(',').map((part, index) => {
    const trimmed = part.trim();
    const value = trimmed === '' ? NaN : Number(trimmed);
    if (!Number.isFinite(value)) {
      throw new InvalidSearchError(
        `bbox value ${index + 1} '${trimmed.slice(0, 50)}' is not a finite number`,
        location,
      );
    }
    return value;
  });
}

function checkRange(value: number, min: number, max: number, name: string, location: string): void {
  if (value < min || value > max) {
    throw new InvalidSearchError(`bbox ${name} ${value} is outside [${min}, ${max}]`, location);
  }
}
