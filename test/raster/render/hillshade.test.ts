/**
 * hillshade() is compared with `gdaldem hillshade` (default azimuth 315°, altitude 45°, z factor 1, Horn)
 * run live on a synthetic volcano DEM written as a COG in EPSG:2975 with 5 m cells. gdaldem leaves the
 * one-pixel border at 0 (no -compute_edges); every interior pixel must agree within ±1 grey level (GDAL
 * computes in float32 and rounds when writing bytes).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { writeCog } from '../../../src/raster/cog/cog-writer.js';
import { hillshade } from '../../../src/raster/render/hillshade.js';
import { describeWithGdal, runGdal } from '../support/gdal-cli.js';

describeWithGdal('hillshade matches gdaldem', () => {
  it('on a synthetic volcano DEM', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fournaise-hillshade-'));
    const width = 120;
    const height = 100;
    const dem = new Float32Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const r = Math.hypot(x - 60, y - 45);
        dem[y * width + x] = 2600 * Math.exp(-(r * r) / 900) + 30 * Math.sin(x / 5) * Math.cos(y / 7);
      }
    }
    const demPath = join(dir, 'dem.tif');
    writeFileSync(
      demPath,
      writeCog(
        {
          width,
          height,
          dataType: 'float32',
          bands: [dem],
          geoTransform: [360000, 5, 0, 7660000, 0, -5],
          epsg: 2975,
        },
        { blockSize: 256 },
      ),
    );
    const outPath = join(dir, 'shade.img');
    runGdal('gdaldem', ['hillshade', '-q', '-of', 'ENVI', demPath, outPath]);
    const gdal = new Uint8Array(readFileSync(outPath));

    const innerWidth = width - 2;
    const innerHeight = height - 2;
    const ours = hillshade(
      Float64Array.from(dem),
      new Uint8Array(width * height).fill(1),
      innerWidth,
      innerHeight,
      5,
      5,
    );
    let worst = 0;
    for (let row = 0; row < innerHeight; row++) {
      for (let column = 0; column < innerWidth; column++) {
        const diff = Math.abs(ours.values[row * innerWidth + column] - gdal[(row + 1) * width + column + 1]);
        worst = Math.max(worst, diff);
      }
    }
    expect(ours.mask.every((value) => value === 255)).toBe(true);
    expect(worst).toBeLessThanOrEqual(1);
  });
});
