/**
 * The in-situ capability over HTTP: a SensorThings API v1.1 read interface under `/sta/v1.1` and simple
 * series downloads under `/insitu`, relative to the prefix the plugin is registered with (`/api`).
 *
 * @example
 * const store = openSqliteInsituStore({ dataDir: config.dataDir });
 * await app.register(insituPlugin, { prefix: '/api', store });
 */
import type { FastifyPluginAsync } from 'fastify';
import type { InsituStore } from '../../insitu/store/insitu-store.js';
import { SensorThingsService, STA_CONFORMANCE } from '../../insitu/sta/sta-service.js';
import { seriesRoutes } from './series-routes.js';
import { stationRoutes } from './station-routes.js';
import { STA_ROOT, staRoutes } from './sta-routes.js';

export interface InsituPluginOptions {
  /** The in-situ store; the plugin does not close it. */
  readonly store: InsituStore;
  /** Public base URL of the server (without `/api`); absent → from proxy headers or Host. */
  readonly baseUrl?: string;
  /** SensorThings default and largest `$top` (100 and 10,000 when absent). */
  readonly defaultTop?: number;
  readonly maxTop?: number;
}

export const insituPlugin: FastifyPluginAsync<InsituPluginOptions> = async (app, options) => {
  const service = new SensorThingsService(options.store, {
    defaultTop: options.defaultTop ?? 100,
    maxTop: options.maxTop ?? 10_000,
  });
  if (app.hasDecorator('landing')) {
    app.landing.addLinks((apiRoot) => [
      {
        rel: 'data',
        href: `${apiRoot}${STA_ROOT}`,
        type: 'application/json',
        title: 'In-situ observations (OGC SensorThings API v1.1)',
      },
    ]);
    app.landing.addConformance(...STA_CONFORMANCE);
  }
  await app.register(staRoutes(service, options.baseUrl));
  await app.register(seriesRoutes(options.store));
  await app.register(stationRoutes(options.store));
};
