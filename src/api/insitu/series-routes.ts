/**
 * Simple REST access to one series: download over a time range as CSV or JSON, downsampled on the server
 * for plotting, and GNSS velocity estimates (MIDAS or trajectory model) for plotters.
 */
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { downsampleBatch } from '../../insitu/downsample/downsample-batch.js';
import { decimalYearsOf } from '../../insitu/gnss/gnss-time.js';
import { midasVelocity } from '../../insitu/gnss/midas-velocity.js';
import { epochMsToDecimalYear } from '../../insitu/gnss/gnss-time.js';
import { fitTrajectory } from '../../insitu/gnss/trajectory-model.js';
import { parseTimestamp } from '../../insitu/ingest/timestamp-parser.js';
import { InsituInvalidQueryError, InsituNotFoundError } from '../../insitu/insitu-errors.js';
import { observationsToCsv, observationsToJson } from '../../insitu/series/series-formats.js';
import type { InsituStore } from '../../insitu/store/insitu-store.js';
import {
  analysisErrorResponses,
  insituErrorResponses,
  SeriesJsonSchema,
  VelocitySchema,
} from './insitu-schemas.js';

const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 256 }) });
const Range = {
  start: Type.Optional(Type.String({ description: 'ISO 8601 start (inclusive)' })),
  end: Type.Optional(Type.String({ description: 'ISO 8601 end (inclusive)' })),
};
const SeriesQuery = Type.Object({
  ...Range,
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' })),
  downsample: Type.Optional(Type.Union([Type.Literal('lttb'), Type.Literal('minmax')])),
  points: Type.Optional(Type.Integer({ minimum: 3, maximum: 100_000, default: 2000 })),
});
const VelocityQuery = Type.Object({
  ...Range,
  method: Type.Optional(
    Type.Union([Type.Literal('midas'), Type.Literal('trajectory')], { default: 'midas' }),
  ),
});

/** Number of observations of a datastream in a range, assuming a uniform rate (exact for the whole series). */
async function estimatedCount(
  store: InsituStore,
  id: string,
  range: { start?: number; end?: number },
): Promise<number> {
  const extent = await store.datastreamExtent(id);
  if (extent.count === 0 || extent.firstTime === undefined || extent.lastTime === undefined) return 0;
  const span = extent.lastTime - extent.firstTime;
  if (span === 0) return extent.count;
  const start = Math.max(range.start ?? extent.firstTime, extent.firstTime);
  const end = Math.min(range.end ?? extent.lastTime, extent.lastTime);
  return end < start ? 0 : (extent.count * (end - start)) / span;
}

/** Station event kinds that may cause a step in a position series. */
const STEP_EVENTS = new Set(['equipment-change', 'earthquake']);

export function seriesRoutes(store: InsituStore): FastifyPluginAsync {
  return async (app) => {
    const timeRange = (query: { start?: string; end?: string }): { start?: number; end?: number } => {
      const parse = (name: 'start' | 'end'): number | undefined => {
        const text = query[name];
        if (text === undefined) return undefined;
        const time = parseTimestamp(text);
        if (time === undefined)
          throw new InsituInvalidQueryError(`${name}: expected an ISO 8601 time, found '${text}'`, name);
        return time;
      };
      const range = { start: parse('start'), end: parse('end') };
      if (range.start !== undefined && range.end !== undefined && range.start > range.end) {
        throw new InsituInvalidQueryError('start must not be after end', 'start');
      }
      return range;
    };

    app.get<{ Params: Static<typeof Params>; Querystring: Static<typeof SeriesQuery> }>(
      '/insitu/datastreams/:id/observations',
      {
        schema: {
          params: Params,
          querystring: SeriesQuery,
          response: { 200: SeriesJsonSchema, ...insituErrorResponses },
        },
      },
      async (request, reply) => {
        const datastream = await store.getDatastream(request.params.id);
        if (datastream === undefined) throw new InsituNotFoundError('datastream', request.params.id);
        const { format = 'json', downsample, points = 2000 } = request.query;
        const range = timeRange(request.query);
        // A series far denser than the plot is downsampled from its overview (min/max of every 64
        // observations): the same envelope from 32 times less data.
        const useOverview =
          downsample !== undefined && (await estimatedCount(store, datastream.id, range)) > 16 * points;
        let batch = useOverview
          ? await store.readOverview(datastream.id, range)
          : await store.readObservations(datastream.id, range);
        const reduced = useOverview || (downsample !== undefined && batch.time.length > points);
        if (downsample !== undefined) batch = downsampleBatch(batch, downsample, points);
        if (format === 'csv') {
          return reply
            .type('text/csv; charset=utf-8')
            .header(
              'content-disposition',
              `attachment; filename="${datastream.id.replace(/[^A-Za-z0-9._-]/g, '_')}.csv"`,
            )
            .send(observationsToCsv(batch));
        }
        return observationsToJson(datastream, batch, reduced);
      },
    );

    app.get<{ Params: Static<typeof Params>; Querystring: Static<typeof VelocityQuery> }>(
      '/insitu/datastreams/:id/velocity',
      {
        schema: {
          params: Params,
          querystring: VelocityQuery,
          response: { 200: VelocitySchema, ...analysisErrorResponses },
        },
      },
      async (request) => {
        const datastream = await store.getDatastream(request.params.id);
        if (datastream === undefined) throw new InsituNotFoundError('datastream', request.params.id);
        const batch = await store.readObservations(datastream.id, timeRange(request.query));
        const time = decimalYearsOf(batch.time);
        const steps = (await store.listEvents(datastream.stationId))
          .filter(
            (e) =>
              STEP_EVENTS.has(e.kind) && e.time > batch.time[0] && e.time < batch.time[batch.time.length - 1],
          )
          .map((e) => epochMsToDecimalYear(e.time));
        const per = `${datastream.unit.symbol}/yr`;
        if ((request.query.method ?? 'midas') === 'midas') {
          const midas = midasVelocity(time, batch.value, { steps });
          return {
            method: 'midas',
            unit: per,
            velocity: midas.velocity,
            uncertainty: midas.uncertainty,
            steps,
            pairs: midas.keptPairCount,
          };
        }
        const fit = fitTrajectory(
          time,
          batch.value,
          batch.uncertainty.some((u) => u > 0) ? batch.uncertainty : undefined,
          { steps },
        );
        return {
          method: 'trajectory',
          unit: per,
          velocity: fit.velocity,
          uncertainty: fit.scaledErrors[1],
          annualAmplitude: fit.annualAmplitude,
          semiAnnualAmplitude: fit.semiAnnualAmplitude,
          steps: fit.steps,
          wrms: fit.wrms,
        };
      },
    );
  };
}
