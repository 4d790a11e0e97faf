import { addDecoder } from 'geotiff';
import type { ImageFileDirectory } from 'geotiff';

let isRegistered = false;

/**
 * Registers the decoders geotiff.js lacks in Node with its codec registry (geotiff.js `addDecoder`, keyed by
 * TIFF compression id), or replaces those that disagree with GDAL (JPEG) or are slow (DEFLATE: native zlib).
 * Idempotent. geotiff.js decodes none, LZW, PackBits, LERC and ZSTD itself.
 */
export function registerCodecs(): void {
  if (isRegistered) return;
  isRegistered = true;
  addDecoder(50001, () => import('./webp-codec.js').then((module) => module.default), blockParameters, false);
  addDecoder(
    [8, 32946],
    () => import('./deflate-codec.js').then((module) => module.default),
    blockParameters,
    false,
  );
  addDecoder(
    7,
    () => import('./jpeg-codec.js').then((module) => module.default),
    async (directory: ImageFileDirectory) => ({
      ...(await blockParameters(directory)),
      JPEGTables: await directory.loadValue('JPEGTables'),
    }),
    false,
  );
}

/** The block geometry every decoder needs (as geotiff.js' default parameters), plus samples per pixel. */
export async function blockParameters(directory: ImageFileDirectory) {
  const isTiled = !directory.hasTag('StripOffsets');
  const planarConfiguration = Number((await directory.loadValue('PlanarConfiguration')) ?? 1);
  return {
    tileWidth: Number(await directory.loadValue(isTiled ? 'TileWidth' : 'ImageWidth')),
    tileHeight: Number(
      isTiled
        ? await directory.loadValue('TileLength')
        : ((await directory.loadValue('RowsPerStrip')) ?? (await directory.loadValue('ImageLength'))),
    ),
    planarConfiguration,
    bitsPerSample: (await directory.loadValue('BitsPerSample')) as number[],
    predictor: Number((await directory.loadValue('Predictor')) ?? 1),
    // A band-separate (planar) block holds one sample per pixel.
    samplesPerPixel:
      planarConfiguration === 2 ? 1 : Number(await directory.loadValue('SamplesPerPixel')) || 1,
  };
}
