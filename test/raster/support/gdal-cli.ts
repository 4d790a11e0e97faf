/**
 * Runs GDAL's command-line tools for reference values. Tests that need GDAL call `describeWithGdal`: without
 * `gdalinfo` they are skipped with a visible message, except under CI (`CI=true`), where they fail.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';

/** True when the GDAL command-line tools are on the PATH. */
export const hasGdal = spawnSync('gdalinfo', ['--version']).status === 0;

/** `describe` that skips (with a message) when GDAL is absent, or fails under CI. */
export function describeWithGdal(name: string, body: () => void): void {
  if (!hasGdal && process.env.CI !== 'true') {
    console.warn(`SKIPPED "${name}": gdalinfo is not installed (apt-get install gdal-bin)`);
    describe.skip(name, body);
    return;
  }
  if (!hasGdal) throw new Error(`"${name}" needs GDAL under CI: gdalinfo is not on the PATH`);
  describe(name, body);
}

/** Runs a GDAL tool and returns its standard output. */
export function runGdal(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** `gdalinfo -json` parsed. */
export function gdalInfo(path: string, extra: string[] = []): GdalInfo {
  return JSON.parse(runGdal('gdalinfo', ['-json', ...extra, path])) as GdalInfo;
}

/** The fields of `gdalinfo -json` the tests use. */
export interface GdalInfo {
  size: [number, number];
  geoTransform?: number[];
  coordinateSystem?: { wkt: string };
  metadata?: Record<string, Record<string, string>>;
  bands: {
    band: number;
    type: string;
    block: [number, number];
    noDataValue?: number | string;
    description?: string;
    scale?: number;
    offset?: number;
    overviews?: { size: [number, number] }[];
    colorInterpretation?: string;
  }[];
}

/**
 * Reads pixels with `gdal_translate -of ENVI` (raw band-sequential samples in the machine's byte order) and
 * returns one byte buffer per band. With `overview`, the whole overview is read and `window` only gives its size.
 */
export function gdalReadRaw(
  path: string,
  window: { x: number; y: number; width: number; height: number },
  options: { overview?: number; bandCount: number; bytesPerSample: number },
): Uint8Array[] {
  const dir = mkdtempSync(join(tmpdir(), 'fournaise-gdal-'));
  try {
    const out = join(dir, 'out.img');
    const args = ['-q', '-of', 'ENVI', '-co', 'INTERLEAVE=BSQ'];
    // With -ovr, GDAL reads -srcwin in full-resolution pixels: overview windows are always whole.
    if (options.overview !== undefined) args.push('-ovr', `${options.overview}`);
    else args.push('-srcwin', `${window.x}`, `${window.y}`, `${window.width}`, `${window.height}`);
    runGdal('gdal_translate', [...args, path, out]);
    const bytes = new Uint8Array(readFileSync(out));
    const bandBytes = window.width * window.height * options.bytesPerSample;
    return Array.from({ length: options.bandCount }, (_, band) =>
      bytes.slice(band * bandBytes, (band + 1) * bandBytes),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Extracts the EPSG code of the CRS's outermost ID from a WKT2 string. */
export function epsgOfWkt(wkt: string | undefined): number | null {
  const ids = [...(wkt ?? '').matchAll(/ID\["EPSG",(\d+)\]/g)];
  return ids.length ? Number(ids.at(-1)![1]) : null;
}

/**
 * Warps a file with `gdalwarp` onto an exact grid (`-te` bounds, `-ts` size) and returns float32 bands,
 * with -9999 where GDAL produced no data.
 */
export function gdalWarpFloat(
  path: string,
  options: {
    epsg: number;
    bounds: [number, number, number, number];
    size: number;
    method: string;
    bandCount: number;
    /** More gdalwarp options, e.g. `['-ovr', '1']` to read a given overview. */
    extraArgs?: string[];
  },
): Float32Array[] {
  const dir = mkdtempSync(join(tmpdir(), 'fournaise-gdalwarp-'));
  try {
    const out = join(dir, 'out.img');
    const [minX, minY, maxX, maxY] = options.bounds;
    runGdal('gdalwarp', [
      '-q',
      '-of',
      'ENVI',
      '-co',
      'INTERLEAVE=BSQ',
      '-ot',
      'Float32',
      '-dstnodata',
      '-9999',
      '-t_srs',
      `EPSG:${options.epsg}`,
      '-te',
      `${minX}`,
      `${minY}`,
      `${maxX}`,
      `${maxY}`,
      '-ts',
      `${options.size}`,
      `${options.size}`,
      '-r',
      options.method,
      ...(options.extraArgs ?? []),
      path,
      out,
    ]);
    const bytes = readFileSync(out);
    const floats = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    const length = options.size * options.size;
    return Array.from({ length: options.bandCount }, (_, b) => floats.slice(b * length, (b + 1) * length));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
