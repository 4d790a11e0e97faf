/**
 * A tiny HTTP server on 127.0.0.1 serving one file with `Range` support (single ranges), for byte-source tests.
 * It records every request's Range header so tests can see what a reader asked for.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RangeServer {
  url: string;
  ranges: (string | undefined)[];
  close(): Promise<void>;
}

/** Serves `path` at `/file.tif`; `honourRanges: false` imitates a server that ignores Range. */
export async function startRangeServer(
  path: string,
  options: { honourRanges?: boolean } = {},
): Promise<RangeServer> {
  const body = readFileSync(path);
  const ranges: (string | undefined)[] = [];
  const server: Server = createServer((request, response) => {
    if (request.url !== '/file.tif') {
      response.writeHead(404).end();
      return;
    }
    ranges.push(request.headers.range);
    const match = /^bytes=(\d+)-(\d+)$/.exec(request.headers.range ?? '');
    if (!match || options.honourRanges === false) {
      response.writeHead(200, { 'Content-Length': body.length }).end(body);
      return;
    }
    const start = Number(match[1]);
    if (start >= body.length) {
      response.writeHead(416, { 'Content-Range': `bytes */${body.length}` }).end();
      return;
    }
    const end = Math.min(Number(match[2]), body.length - 1);
    response
      .writeHead(206, {
        'Content-Range': `bytes ${start}-${end}/${body.length}`,
        'Content-Length': end - start + 1,
      })
      .end(body.subarray(start, end + 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/file.tif`,
    ranges,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
