import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CogReader } from '../../../src/raster/cog/cog-reader.js';
import { FileByteSource } from '../../../src/raster/source/file-byte-source.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/cog/openlayers-elevation-i16.tif');
const dir = mkdtempSync(join(tmpdir(), 'fournaise-corrupt-'));

function fileWith(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('CogReader on bad input', () => {
  it('rejects bytes that are not a TIFF with RASTER_CORRUPT', async () => {
    const path = fileWith('text.tif', new TextEncoder().encode('this is not a tiff at all'));
    await expect(CogReader.open(new FileByteSource(path))).rejects.toMatchObject({ code: 'RASTER_CORRUPT' });
  });

  it('rejects an empty file with RASTER_CORRUPT', async () => {
    await expect(
      CogReader.open(new FileByteSource(fileWith('empty.tif', new Uint8Array()))),
    ).rejects.toMatchObject({
      code: 'RASTER_CORRUPT',
    });
  });

  it('rejects a truncated TIFF when its pixels are read, with RASTER_CORRUPT', async () => {
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    const path = fileWith('truncated.tif', bytes.subarray(0, 20_000));
    const outcome = CogReader.open(new FileByteSource(path)).then((reader) =>
      reader.readWindow({ x: 0, y: 0, width: reader.info.width, height: reader.info.height }),
    );
    await expect(outcome).rejects.toMatchObject({ code: 'RASTER_CORRUPT' });
  });

  it('names the band and the band count when a band is out of range', async () => {
    const reader = await CogReader.open(new FileByteSource(FIXTURE));
    await expect(
      reader.readWindow({ x: 0, y: 0, width: 2, height: 2 }, { bands: [1] }),
    ).rejects.toMatchObject({
      code: 'RASTER_BAND_OUT_OF_RANGE',
      message: 'band 2 does not exist: the raster has 1 band(s)',
    });
    await expect(reader.readWindow({ x: 0, y: 0, width: 2, height: 2 }, { level: 3 })).rejects.toMatchObject({
      code: 'RASTER_INVALID_PARAMETER',
    });
    await reader.close();
  });
});
