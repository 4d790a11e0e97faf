import { createReadStream } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import { parseRange, resolveAssetFile } from '../../raster/source/asset-file-resolver.js';

/**
 * Serves files of the asset root at `/assets/{path}` (GET and HEAD) with `Accept-Ranges`, single `Range`
 * requests (206/416), a strong ETag from size and modification time, `Last-Modified`, conditional requests
 * (`If-None-Match`, `If-Modified-Since` → 304) and media types by extension. Paths are confined to the root
 * (see resolveAssetFile).
 */
export function assetRoutes(assetRoot: string): FastifyPluginAsync {
  return async (app) => {
    app.route<{ Params: { '*': string } }>({
      method: ['GET', 'HEAD'],
      url: '/assets/*',
      schema: { summary: 'Download an asset file (Range requests supported)' },
      handler: async (request, reply) => {
        const file = await resolveAssetFile(assetRoot, request.params['*']);
        const etag = `"${file.size.toString(16)}-${Math.floor(file.modified.getTime()).toString(16)}"`;
        const lastModified = file.modified.toUTCString();
        reply
          .header('Accept-Ranges', 'bytes')
          .header('ETag', etag)
          .header('Last-Modified', lastModified)
          .header('Cache-Control', 'public, max-age=300')
          .type(file.mediaType);
        const ifNoneMatch = request.headers['if-none-match'];
        const ifModifiedSince = request.headers['if-modified-since'];
        const isNotModified = ifNoneMatch
          ? ifNoneMatch
              .split(',')
              .some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')
          : ifModifiedSince !== undefined &&
            Math.floor(file.modified.getTime() / 1000) <= Date.parse(ifModifiedSince) / 1000;
        if (isNotModified) return reply.status(304).send();
        const ifRange = request.headers['if-range'];
        const range =
          ifRange && ifRange !== etag && ifRange !== lastModified
            ? null
            : parseRange(request.headers.range, file.size);
        if (range === 'unsatisfiable') {
          return reply
            .status(416)
            .header('Content-Range', `bytes */${file.size}`)
            .type('application/json')
            .send({
              code: 'RASTER_INVALID_PARAMETER',
              description: `range ${request.headers.range} is outside the ${file.size}-byte file`,
            });
        }
        const { start, end } = range ?? { start: 0, end: file.size - 1 };
        if (range) reply.status(206).header('Content-Range', `bytes ${start}-${end}/${file.size}`);
        reply.header('Content-Length', file.size === 0 ? 0 : end - start + 1);
        if (request.method === 'HEAD' || file.size === 0) return reply.send();
        return reply.send(createReadStream(file.path, { start, end }));
      },
    });
  };
}
