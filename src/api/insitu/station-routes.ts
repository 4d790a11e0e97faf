/**
 * Station summaries for the portal's station map and station pages: every station with its datastreams
 * (variable, solution, span, count, completeness) and events. Times are ISO 8601 UTC.
 */
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { InsituNotFoundError } from '../../insitu/insitu-errors.js';
import { summarizeStations, type StationSummary } from '../../insitu/query/station-summary.js';
import type { InsituStore } from '../../insitu/store/insitu-store.js';

const StationParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 256 }) });
const StationsQuery = Type.Object(
  { network: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })) },
  { additionalProperties: false },
);

const iso = (time: number | undefined): string | undefined =>
  time === undefined ? undefined : new Date(time).toISOString();

/** JSON form of a summary: epoch milliseconds become ISO strings. */
function toJson(summary: StationSummary): Record<string, unknown> {
  return {
    ...summary.station,
    datastreams: summary.datastreams.map(({ firstTime, lastTime, ...rest }) => ({
      ...rest,
      firstTime: iso(firstTime),
      lastTime: iso(lastTime),
    })),
    events: summary.events.map(({ time, ...rest }) => ({ ...rest, time: iso(time) })),
  };
}

export function stationRoutes(store: InsituStore): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: Static<typeof StationsQuery> }>(
      '/insitu/stations',
      { schema: { summary: 'Stations with their datastreams and events', querystring: StationsQuery } },
      async (request) => {
        const stations = await summarizeStations(store, request.query.network);
        return { stations: stations.map(toJson) };
      },
    );

    app.get<{ Params: Static<typeof StationParams> }>(
      '/insitu/stations/:id',
      { schema: { summary: 'One station with its datastreams and events', params: StationParams } },
      async (request) => {
        const station = await store.getStation(request.params.id);
        if (station === undefined) throw new InsituNotFoundError('station', request.params.id);
        const [summary] = (await summarizeStations(store, station.networkId)).filter(
          (s) => s.station.id === station.id,
        );
        return toJson(summary);
      },
    );
  };
}
