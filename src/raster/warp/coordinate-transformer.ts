import proj4 from 'proj4';
import { resolveCrs } from './crs-registry.js';

/** Transforms coordinate arrays in place from one CRS to another; points that fail become NaN. */
export type CoordinateTransformer = (xs: Float64Array, ys: Float64Array) => void;

/**
 * A transformer between two EPSG CRSs of the registry (x = easting/longitude first), through proj4.
 * Identity when both codes are equal.
 */
export function createTransformer(fromEpsg: number, toEpsg: number): CoordinateTransformer {
  if (fromEpsg === toEpsg) return () => undefined;
  const converter = proj4(resolveCrs(fromEpsg).proj4, resolveCrs(toEpsg).proj4);
  return (xs, ys) => {
    const point = { x: 0, y: 0 };
    for (let i = 0; i < xs.length; i++) {
      point.x = xs[i];
      point.y = ys[i];
      let result: { x: number; y: number } | null = null;
      if (Number.isFinite(point.x) && Number.isFinite(point.y)) {
        try {
          result = converter.forward(point, true) as { x: number; y: number } | null;
        } catch {
          result = null;
        }
      }
      const isValid = result !== null && Number.isFinite(result.x) && Number.isFinite(result.y);
      xs[i] = isValid ? result!.x : NaN;
      ys[i] = isValid ? result!.y : NaN;
    }
  };
}
