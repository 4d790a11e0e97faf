/**
 * Load for profiling the tile server: requests the benchmark's tiles (same seeded picks as run.ts, zooms
 * 8–14, RGB style) from a server already started with
 *   node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx bench/tiles/tile-server.ts /tmp/fournaise-bench-tiles/scene-10980.tif
 * and prints tiles/s and this client's own CPU per tile, so the server's share of the machine is known.
 *   npx tsx bench/tiles/profile-load.ts <port> [requests] [concurrency]
 */
import { runLoad, LocalHttpClient } from '../catalog/http-load.js';
import { ensureSyntheticCog } from './synthetic-cog.js';
import { benchTilePicker } from './tile-picks.js';

const [port, requests = '600', concurrency = '8'] = process.argv.slice(2);
const size = 10980;
const client = new LocalHttpClient(Number(port));
const pickTile = benchTilePicker(
  ensureSyntheticCog(`/tmp/fournaise-bench-tiles/scene-${size}.tif`, size),
  size,
);
const cpuBefore = process.cpuUsage();
const result = await runLoad(client, {
  concurrency: Number(concurrency),
  maxRequests: Number(requests),
  maxDurationMs: 600_000,
  nextRequest: (n) => {
    const tile = pickTile(n);
    return {
      method: 'GET',
      path: `/api/collections/bench/items/scene/tiles/WebMercatorQuad/${tile.z}/${tile.x}/${tile.y}.png?bidx=1,2,3&rescale=0,4000`,
    };
  },
});
const cpu = process.cpuUsage(cpuBefore);
client.close();
console.log(
  `${result.requests} tiles, ${result.requestsPerSecond.toFixed(1)} tiles/s, p50 ${result.p50Ms.toFixed(1)} ms, ` +
    `client CPU ${((cpu.user + cpu.system) / 1000 / result.requests).toFixed(2)} ms/tile`,
);
