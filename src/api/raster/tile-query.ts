import { Type, type Static } from '@sinclair/typebox';
import { RasterError } from '../../raster/raster-errors.js';
import type { TileStyle } from '../../raster/render/item-tile-renderer.js';

/** Query parameters of tile and TileJSON requests (names as TiTiler's, so clients can switch). */
export const TileQuerySchema = Type.Object(
  {
    assets: Type.Optional(
      Type.Array(Type.String({ maxLength: 200 }), {
        maxItems: 16,
        description: 'asset keys; repeat or separate with commas',
      }),
    ),
    bidx: Type.Optional(
      Type.String({
        pattern: '^\\d+(,\\d+)*$',
        maxLength: 100,
        description: '1-based band indexes, e.g. 3,2,1',
      }),
    ),
    expression: Type.Optional(
      Type.String({
        maxLength: 1000,
        description: 'band math, e.g. (b2-b1)/(b2+b1); several separated by ;',
      }),
    ),
    rescale: Type.Optional(
      Type.Array(Type.String({ maxLength: 100 }), {
        maxItems: 4,
        description: 'min,max per band; repeat for several bands',
      }),
    ),
    colormap_name: Type.Optional(
      Type.String({ maxLength: 40, description: 'viridis, terrain, greys, rdylgn or classification' }),
    ),
    resampling: Type.Optional(
      Type.Union([Type.Literal('nearest'), Type.Literal('bilinear'), Type.Literal('cubic')]),
    ),
    algorithm: Type.Optional(Type.Literal('hillshade')),
    azimuth: Type.Optional(Type.Number({ minimum: 0, maximum: 360 })),
    altitude: Type.Optional(Type.Number({ minimum: 0, maximum: 90 })),
    zfactor: Type.Optional(Type.Number({ minimum: -1000, maximum: 1000 })),
    tilesize: Type.Optional(Type.Union([Type.Literal(256), Type.Literal(512)])),
  },
  { additionalProperties: false },
);
export type TileQuery = Static<typeof TileQuerySchema>;

/**
 * Turns validated query parameters into a {@link TileStyle}.
 * @throws RasterError `RASTER_INVALID_PARAMETER` for a malformed `rescale`.
 */
export function parseTileStyle(query: TileQuery): TileStyle {
  const style: TileStyle = {};
  if (query.assets)
    style.assets = query.assets
      .flatMap((value) => value.split(','))
      .map((key) => key.trim())
      .filter(Boolean);
  if (query.bidx) style.bidx = query.bidx.split(',').map(Number);
  if (query.expression) style.expression = query.expression;
  if (query.rescale) {
    style.rescale = query.rescale.map((pair) => {
      const parts = pair.split(',').map((value) => Number(value.trim()));
      if (parts.length !== 2 || !parts.every(Number.isFinite) || parts[0] >= parts[1]) {
        throw new RasterError(
          'RASTER_INVALID_PARAMETER',
          `rescale "${pair}" must be "min,max" with min < max`,
          'rescale',
        );
      }
      return parts as [number, number];
    });
  }
  if (query.colormap_name) style.colormapName = query.colormap_name;
  if (query.resampling) style.resampling = query.resampling;
  if (query.algorithm) style.algorithm = query.algorithm;
  if (query.azimuth !== undefined) style.azimuth = query.azimuth;
  if (query.altitude !== undefined) style.altitude = query.altitude;
  if (query.zfactor !== undefined) style.zFactor = query.zfactor;
  if (query.tilesize) style.tileSize = query.tilesize;
  return style;
}
