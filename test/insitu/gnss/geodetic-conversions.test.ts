import { describe, expect, it } from 'vitest';
import {
  GRS80,
  WGS84,
  cartesianToEnu,
  cartesianToGeodetic,
  enuToCartesian,
  geodeticToCartesian,
  rotateToEnu,
} from '../../../src/insitu/gnss/geodetic-conversions.js';
import { readGnssFixture, seededRandom } from './gnss-fixtures.js';

/** Data lines of the PBO file: each gives XYZ and the producer's own WGS84 latitude/longitude/height. */
function pboRows(): number[][] {
  const lines = readGnssFixture('P156.pbo.final_igs08.pos').split('\n');
  const start = lines.findIndex((l) => l.startsWith('*YYYYMMDD')) + 1;
  return lines
    .slice(start)
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(/\s+/).slice(3, 24).map(Number));
}

describe('geodetic conversions', () => {
  it('reproduces the published PBO XYZ → latitude/longitude/height of 3196 epochs', () => {
    // The columns say "WGS-84" but match GRS80 (WGS84 differs by up to 0.1 mm in latitude and 0.06 mm in
    // height here). Tolerances are the file's own rounding, doubled: 1e-10° (≈ 0.01 mm) and 1e-5 m.
    for (const row of pboRows()) {
      const [x, y, z] = row;
      const [latitude, longitude, height] = row.slice(9, 12);
      const geodetic = cartesianToGeodetic({ x, y, z }, GRS80);
      expect(Math.abs(geodetic.latitude - latitude)).toBeLessThan(2e-10);
      expect(Math.abs(geodetic.longitude - (longitude - 360))).toBeLessThan(2e-10);
      expect(Math.abs(geodetic.height - height)).toBeLessThan(2e-5);
    }
  });

  it('reproduces the published PBO dN/dE/dU from XYZ minus the reference position', () => {
    const header = readGnssFixture('P156.pbo.final_igs08.pos').split('\n');
    const reference = header
      .find((l) => l.startsWith('XYZ Reference position'))!
      .split(':')[1]
      .trim()
      .split(/\s+/)
      .slice(0, 3)
      .map(Number);
    const origin = { x: reference[0], y: reference[1], z: reference[2] };
    // Up agrees to the file's 0.01 mm rounding. PBO's horizontal offsets scale latitude/longitude differences
    // by a spherical radius, 0.25 % longer than the rigorous local frame at this latitude (0.7 mm at most for
    // this station's 30 cm of motion), hence 1 mm there: still far below any axis, sign or rotation error.
    for (const row of pboRows()) {
      const enu = cartesianToEnu({ x: row[0], y: row[1], z: row[2] }, origin, GRS80);
      expect(Math.abs(enu.north - row[12])).toBeLessThan(1e-3);
      expect(Math.abs(enu.east - row[13])).toBeLessThan(1e-3);
      expect(Math.abs(enu.up - row[14])).toBeLessThan(2e-5);
    }
  });

  it('matches the EPSG Guidance Note 7-2 worked example (§2.2.1, WGS84)', () => {
    // EPSG example: 53°48'33.820"N, 2°07'46.380"E, h = 73.0 m → X 3771793.968, Y 140253.342, Z 5124304.349.
    const latitude = 53 + 48 / 60 + 33.82 / 3600;
    const longitude = 2 + 7 / 60 + 46.38 / 3600;
    const xyz = geodeticToCartesian({ latitude, longitude, height: 73 }, WGS84);
    expect(Math.abs(xyz.x - 3771793.968)).toBeLessThan(1e-3);
    expect(Math.abs(xyz.y - 140253.342)).toBeLessThan(1e-3);
    expect(Math.abs(xyz.z - 5124304.349)).toBeLessThan(1e-3);
  });

  it('round-trips geodetic ↔ XYZ ↔ ENU to well under a millimetre, poles and antimeridian included', () => {
    const random = seededRandom(42);
    const points = [
      { latitude: 90, longitude: 0, height: 10 },
      { latitude: -90, longitude: 45, height: 2800 },
      { latitude: -21.2443, longitude: 55.7084, height: 2632 },
      { latitude: 0, longitude: 180, height: -50 },
    ];
    for (let i = 0; i < 2000; i++) {
      points.push({
        latitude: random.uniform() * 180 - 90,
        longitude: random.uniform() * 360 - 180,
        height: random.uniform() * 9500 - 500,
      });
    }
    for (const point of points) {
      const xyz = geodeticToCartesian(point, GRS80);
      const back = geodeticToCartesian(cartesianToGeodetic(xyz, GRS80), GRS80);
      expect(Math.hypot(back.x - xyz.x, back.y - xyz.y, back.z - xyz.z)).toBeLessThan(1e-6);
      const offset = { east: random.normal() * 50, north: random.normal() * 50, up: random.normal() * 50 };
      const moved = enuToCartesian(offset, xyz, GRS80);
      const recovered = cartesianToEnu(moved, xyz, GRS80);
      expect(Math.abs(recovered.east - offset.east)).toBeLessThan(1e-6);
      expect(Math.abs(recovered.north - offset.north)).toBeLessThan(1e-6);
      expect(Math.abs(recovered.up - offset.up)).toBeLessThan(1e-6);
    }
  });

  it('points the local Up axis along the ellipsoid normal', () => {
    const origin = { latitude: -21.2443, longitude: 55.7084, height: 2632 };
    const above = geodeticToCartesian({ ...origin, height: origin.height + 100 }, GRS80);
    const base = geodeticToCartesian(origin, GRS80);
    const enu = rotateToEnu(
      { x: above.x - base.x, y: above.y - base.y, z: above.z - base.z },
      origin.latitude,
      origin.longitude,
    );
    expect(enu.up).toBeCloseTo(100, 9);
    expect(Math.abs(enu.east) + Math.abs(enu.north)).toBeLessThan(1e-9);
  });
});
