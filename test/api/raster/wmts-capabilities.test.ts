/**
 * The WMTS capabilities document is opened by GDAL's WMTS driver against a live server on 127.0.0.1:
 * `gdalinfo` must see the layer in Web Mercator with the zoom levels advertised, and `gdal_translate` must
 * fetch real tiles through the ResourceURL template and get the image's pixels.
 */
import { registerErrorHandling } from '../../../src/api/errors.js';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rasterPlugin } from '../../../src/api/raster/raster-plugin.js';
import type { StacItem } from '../../../src/catalog/model/stac-types.js';
import { describeWithGdal } from '../../raster/support/gdal-cli.js';

const execFileAsync = promisify(execFile);
// GDAL's WMTS driver caches tiles in ./gdalwmscache unless told otherwise: keep the work tree clean.
const gdalEnv = {
  ...process.env,
  GDAL_DEFAULT_WMS_CACHE_PATH: mkdtempSync(join(tmpdir(), 'fournaise-wms-cache-')),
};
const run = (tool: string, args: string[]) => execFileAsync(tool, args, { env: gdalEnv });
const FIXTURES = join(import.meta.dirname, '../../fixtures/cog');
const ITEM: StacItem = {
  type: 'Feature',
  stac_version: '1.1.0',
  id: 'ortho',
  geometry: null,
  properties: { datetime: null },
  links: [],
  assets: {
    image: { href: 'openlayers-dop-rgb-tiled.tif', type: 'image/tiff; application=geotiff', roles: ['data'] },
  },
};

describeWithGdal('WMTS capabilities opened by GDAL', () => {
  let app: FastifyInstance;
  let root: string;
  beforeAll(async () => {
    app = Fastify();
    registerErrorHandling(app);
    await app.register(rasterPlugin, {
      prefix: '/api',
      getItem: async (collectionId, itemId) =>
        collectionId === 'ortho' && itemId === 'ortho' ? ITEM : undefined,
      resolveAssetHref: (href) => join(FIXTURES, href),
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    root = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/collections/ortho/items/ortho/tiles`;
  });
  afterAll(() => app.close());

  it('serves a document GDAL opens, with tiles GDAL can read', async () => {
    const response = await fetch(`${root}/WMTSCapabilities.xml`);
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(await response.text()).toContain('<ows:Identifier>WebMercatorQuad</ows:Identifier>');

    const connection = `WMTS:${root}/WMTSCapabilities.xml,tilematrixset=WebMercatorQuad`;
    const { stdout } = await run('gdalinfo', ['-json', connection]);
    const info = JSON.parse(stdout) as {
      size: number[];
      bands: unknown[];
      coordinateSystem: { wkt: string };
    };
    expect(info.coordinateSystem.wkt).toMatch(/ID\["EPSG",3857\]\]$/);
    expect(info.bands).toHaveLength(4);
    expect(info.size[0]).toBeGreaterThan(256);

    const out = join(mkdtempSync(join(tmpdir(), 'fournaise-wmts-')), 'out.tif');
    await run('gdal_translate', ['-q', '-outsize', '64', '64', connection, out]);
    const { stdout: stats } = await run('gdalinfo', ['-json', '-stats', out]);
    const bands = (JSON.parse(stats) as { bands: { maximum: number }[] }).bands;
    expect(bands[0].maximum).toBeGreaterThan(0);
  });
});
