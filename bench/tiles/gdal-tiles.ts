/**
 * The GDAL path the benchmark compares with: each tile is rendered by `gdalwarp` (to the tile's Web Mercator
 * extent, 256×256, nearest, automatic overview choice) then `gdal_translate` (rescale 0–4000 to bytes, bands
 * 1-3, PNG), as a script or a TiTiler-less server would do it, including process start-up.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Renders one tile with GDAL; returns the elapsed milliseconds. */
export async function renderTileWithGdal(
  cogPath: string,
  bounds: [number, number, number, number],
): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'fournaise-gdal-tile-'));
  const started = performance.now();
  try {
    const warped = join(dir, 'tile.tif');
    await run('gdalwarp', [
      '-q',
      '-t_srs',
      'EPSG:3857',
      '-te',
      ...bounds.map(String),
      '-ts',
      '256',
      '256',
      '-r',
      'near',
      '-ovr',
      'AUTO',
      cogPath,
      warped,
    ]);
    await run('gdal_translate', [
      '-q',
      '-of',
      'PNG',
      '-ot',
      'Byte',
      '-scale',
      '0',
      '4000',
      '0',
      '255',
      '-b',
      '1',
      '-b',
      '2',
      '-b',
      '3',
      warped,
      join(dir, 'tile.png'),
    ]);
    return performance.now() - started;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
