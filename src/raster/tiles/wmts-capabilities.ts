import { matrixSize, resolutionAt, type TileMatrixSet } from './tile-matrix-set.js';

/** One layer of a WMTS capabilities document. */
export interface WmtsLayer {
  id: string;
  title: string;
  /** WGS 84 bounds [west, south, east, north]. */
  bounds: [number, number, number, number];
  /** Zoom range per tile matrix set id. */
  zoomRanges: Record<string, { minZoom: number; maxZoom: number }>;
  /** RESTful tile URL template with `{TileMatrixSet}`, `{TileMatrix}`, `{TileCol}`, `{TileRow}`. */
  resourceUrl: string;
  format: 'image/png' | 'image/webp';
}

/** Metres per unit of the set's CRS at the equator (WMTS 1.0.0 §6.1.1: 1 degree = 111319.49… m). */
function metresPerUnit(set: TileMatrixSet): number {
  return set.epsg === 4326 ? (2 * Math.PI * 6378137) / 360 : 1;
}

/** The CRS URN of a tile matrix set as WMTS clients expect it (CRS84 keeps longitude first). */
function supportedCrs(set: TileMatrixSet): string {
  return set.epsg === 4326 ? 'urn:ogc:def:crs:OGC:1.3:CRS84' : `urn:ogc:def:crs:EPSG::${set.epsg}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * An OGC WMTS 1.0.0 capabilities document (RESTful encoding, OGC 07-057r7 §10) for layers served by the
 * tile routes, with full TileMatrixSet definitions (scale denominators for 0.28 mm pixels) so that QGIS and
 * GDAL's WMTS driver can open them. Each layer links every set through TileMatrixSetLimits of its zooms.
 */
export function buildWmtsCapabilities(
  title: string,
  layers: WmtsLayer[],
  sets: TileMatrixSet[],
  maxZoom: number,
): string {
  const layerXml = layers.map((layer) => {
    const [west, south, east, north] = layer.bounds;
    const links = sets
      .filter((set) => layer.zoomRanges[set.id])
      .map((set) => {
        const { minZoom, maxZoom: top } = layer.zoomRanges[set.id];
        const limits = [];
        for (let z = minZoom; z <= top; z++) {
          const size = resolutionAt(set, z) * set.tileSize;
          const [columns, rows] = matrixSize(set, z);
          const clamp = (value: number, count: number) => Math.max(0, Math.min(count - 1, Math.floor(value)));
          const [x0, y0] = set.epsg === 4326 ? [west, north] : toMercator(west, north);
          const [x1, y1] = set.epsg === 4326 ? [east, south] : toMercator(east, south);
          limits.push(
            `<TileMatrixLimits><TileMatrix>${z}</TileMatrix>` +
              `<MinTileRow>${clamp((set.origin[1] - y0) / size, rows)}</MinTileRow><MaxTileRow>${clamp((set.origin[1] - y1) / size, rows)}</MaxTileRow>` +
              `<MinTileCol>${clamp((x0 - set.origin[0]) / size, columns)}</MinTileCol><MaxTileCol>${clamp((x1 - set.origin[0]) / size, columns)}</MaxTileCol></TileMatrixLimits>`,
          );
        }
        return `<TileMatrixSetLink><TileMatrixSet>${set.id}</TileMatrixSet><TileMatrixSetLimits>${limits.join('')}</TileMatrixSetLimits></TileMatrixSetLink>`;
      })
      .join('');
    return (
      `<Layer><ows:Title>${escapeXml(layer.title)}</ows:Title><ows:Identifier>${escapeXml(layer.id)}</ows:Identifier>` +
      `<ows:WGS84BoundingBox><ows:LowerCorner>${west} ${south}</ows:LowerCorner><ows:UpperCorner>${east} ${north}</ows:UpperCorner></ows:WGS84BoundingBox>` +
      `<Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style><Format>${layer.format}</Format>${links}` +
      `<ResourceURL format="${layer.format}" resourceType="tile" template="${escapeXml(layer.resourceUrl)}"/></Layer>`
    );
  });
  const setXml = sets.map((set) => {
    const matrices = [];
    for (let z = 0; z <= Math.min(maxZoom, set.maxZoom); z++) {
      const [columns, rows] = matrixSize(set, z);
      const scale = (resolutionAt(set, z) * metresPerUnit(set)) / 0.00028;
      matrices.push(
        `<TileMatrix><ows:Identifier>${z}</ows:Identifier><ScaleDenominator>${scale}</ScaleDenominator>` +
          `<TopLeftCorner>${set.origin[0]} ${set.origin[1]}</TopLeftCorner><TileWidth>${set.tileSize}</TileWidth><TileHeight>${set.tileSize}</TileHeight>` +
          `<MatrixWidth>${columns}</MatrixWidth><MatrixHeight>${rows}</MatrixHeight></TileMatrix>`,
      );
    }
    return (
      `<TileMatrixSet><ows:Title>${escapeXml(set.title)}</ows:Title><ows:Identifier>${set.id}</ows:Identifier>` +
      `<ows:SupportedCRS>${supportedCrs(set)}</ows:SupportedCRS><WellKnownScaleSet>${set.epsg === 3857 ? 'urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible' : 'urn:ogc:def:wkss:OGC:1.0:GoogleCRS84Quad'}</WellKnownScaleSet>${matrices.join('')}</TileMatrixSet>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1" ' +
    'xmlns:xlink="http://www.w3.org/1999/xlink" version="1.0.0">' +
    `<ows:ServiceIdentification><ows:Title>${escapeXml(title)}</ows:Title><ows:ServiceType>OGC WMTS</ows:ServiceType>` +
    '<ows:ServiceTypeVersion>1.0.0</ows:ServiceTypeVersion></ows:ServiceIdentification>' +
    `<Contents>${layerXml.join('')}${setXml.join('')}</Contents></Capabilities>\n`
  );
}

function toMercator(longitude: number, latitude: number): [number, number] {
  const clamped = Math.max(-85.05112878, Math.min(85.05112878, latitude));
  return [
    (longitude * Math.PI * 6378137) / 180,
    6378137 * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)),
  ];
}
