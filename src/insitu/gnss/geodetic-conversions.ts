/**
 * Conversions between Earth-centred Earth-fixed Cartesian coordinates (XYZ), geodetic coordinates
 * (latitude, longitude, ellipsoidal height) and local East-North-Up (ENU) offsets.
 *
 * Formulas: EPSG Guidance Note 7-2 (IOGP Publication 373-7-2, §4.1.1 geographic/geocentric conversions and
 * §4.1.2 geocentric/topocentric conversions). XYZ → geodetic iterates on latitude and computes the height
 * with `h = p cos φ + z sin φ − a √(1 − e² sin² φ)`, which stays accurate at the poles.
 * Limits: heights within ±1000 km of the ellipsoid (converges in a few iterations to < 1e-12 rad).
 */

/** A reference ellipsoid: semi-major axis in metres and inverse flattening. */
export interface Ellipsoid {
  readonly name: string;
  readonly semiMajorAxis: number;
  readonly inverseFlattening: number;
}

/** GRS80, the ellipsoid of ITRF/IGS frames and of SPOTGINS files. */
export const GRS80: Ellipsoid = { name: 'GRS80', semiMajorAxis: 6_378_137, inverseFlattening: 298.257222101 };
/** WGS84, used for the latitude/longitude/height columns of PBO and NGL files. */
export const WGS84: Ellipsoid = { name: 'WGS84', semiMajorAxis: 6_378_137, inverseFlattening: 298.257223563 };

/** Geocentric Cartesian coordinates in metres. */
export interface Cartesian {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** Geodetic coordinates: latitude and longitude in degrees, ellipsoidal height in metres. */
export interface Geodetic {
  readonly latitude: number;
  readonly longitude: number;
  readonly height: number;
}

/** Local topocentric offsets in metres. */
export interface Enu {
  readonly east: number;
  readonly north: number;
  readonly up: number;
}

const DEG = Math.PI / 180;

function eccentricitySquared(ellipsoid: Ellipsoid): number {
  const f = 1 / ellipsoid.inverseFlattening;
  return f * (2 - f);
}

/**
 * Converts geodetic coordinates to geocentric XYZ.
 * @example geodeticToCartesian({ latitude: 45, longitude: 5, height: 200 }, GRS80)
 */
export function geodeticToCartesian(point: Geodetic, ellipsoid: Ellipsoid = GRS80): Cartesian {
  const e2 = eccentricitySquared(ellipsoid);
  const phi = point.latitude * DEG;
  const lambda = point.longitude * DEG;
  const sinPhi = Math.sin(phi);
  const cosPhi = Math.cos(phi);
  const n = ellipsoid.semiMajorAxis / Math.sqrt(1 - e2 * sinPhi * sinPhi);
  return {
    x: (n + point.height) * cosPhi * Math.cos(lambda),
    y: (n + point.height) * cosPhi * Math.sin(lambda),
    z: (n * (1 - e2) + point.height) * sinPhi,
  };
}

/**
 * Converts geocentric XYZ to geodetic coordinates (longitude in [-180, 180]).
 * Sub-micrometre round trip with {@link geodeticToCartesian} for terrestrial points.
 */
export function cartesianToGeodetic(point: Cartesian, ellipsoid: Ellipsoid = GRS80): Geodetic {
  const a = ellipsoid.semiMajorAxis;
  const e2 = eccentricitySquared(ellipsoid);
  const p = Math.hypot(point.x, point.y);
  const longitude = Math.atan2(point.y, point.x) / DEG;
  // Start from the latitude of a sphere scaled by (1 − e²) and iterate φ = atan(z / (p (1 − e² N/(N+h)))).
  let phi = Math.atan2(point.z, p * (1 - e2));
  for (let iteration = 0; iteration < 10; iteration++) {
    const sinPhi = Math.sin(phi);
    const n = a / Math.sqrt(1 - e2 * sinPhi * sinPhi);
    const next = Math.atan2(point.z + e2 * n * sinPhi, p);
    const converged = Math.abs(next - phi) < 1e-14;
    phi = next;
    if (converged) break;
  }
  const sinPhi = Math.sin(phi);
  const height = p * Math.cos(phi) + point.z * sinPhi - a * Math.sqrt(1 - e2 * sinPhi * sinPhi);
  return { latitude: phi / DEG, longitude, height };
}

/**
 * Rotates a geocentric difference vector (dx, dy, dz) into East-North-Up at the given origin latitude and
 * longitude (degrees).
 */
export function rotateToEnu(delta: Cartesian, latitude: number, longitude: number): Enu {
  const phi = latitude * DEG;
  const lambda = longitude * DEG;
  const sinPhi = Math.sin(phi);
  const cosPhi = Math.cos(phi);
  const sinLambda = Math.sin(lambda);
  const cosLambda = Math.cos(lambda);
  return {
    east: -sinLambda * delta.x + cosLambda * delta.y,
    north: -sinPhi * cosLambda * delta.x - sinPhi * sinLambda * delta.y + cosPhi * delta.z,
    up: cosPhi * cosLambda * delta.x + cosPhi * sinLambda * delta.y + sinPhi * delta.z,
  };
}

/** Inverse of {@link rotateToEnu}: ENU offsets back to a geocentric difference vector. */
export function rotateFromEnu(offset: Enu, latitude: number, longitude: number): Cartesian {
  const phi = latitude * DEG;
  const lambda = longitude * DEG;
  const sinPhi = Math.sin(phi);
  const cosPhi = Math.cos(phi);
  const sinLambda = Math.sin(lambda);
  const cosLambda = Math.cos(lambda);
  return {
    x: -sinLambda * offset.east - sinPhi * cosLambda * offset.north + cosPhi * cosLambda * offset.up,
    y: cosLambda * offset.east - sinPhi * sinLambda * offset.north + cosPhi * sinLambda * offset.up,
    z: cosPhi * offset.north + sinPhi * offset.up,
  };
}

/** ENU offsets of `point` from `origin`, both geocentric, in the local frame of the origin. */
export function cartesianToEnu(point: Cartesian, origin: Cartesian, ellipsoid: Ellipsoid = GRS80): Enu {
  const reference = cartesianToGeodetic(origin, ellipsoid);
  const delta = { x: point.x - origin.x, y: point.y - origin.y, z: point.z - origin.z };
  return rotateToEnu(delta, reference.latitude, reference.longitude);
}

/** Geocentric position of ENU offsets from `origin` (inverse of {@link cartesianToEnu}). */
export function enuToCartesian(offset: Enu, origin: Cartesian, ellipsoid: Ellipsoid = GRS80): Cartesian {
  const reference = cartesianToGeodetic(origin, ellipsoid);
  const delta = rotateFromEnu(offset, reference.latitude, reference.longitude);
  return { x: origin.x + delta.x, y: origin.y + delta.y, z: origin.z + delta.z };
}
