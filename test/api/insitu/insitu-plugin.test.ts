import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../../../src/api/errors.js';
import { insituPlugin } from '../../../src/api/insitu/insitu-plugin.js';
import type { InsituStore } from '../../../src/insitu/store/insitu-store.js';
import { openSqliteInsituStore } from '../../../src/insitu/store/sqlite/sqlite-insitu-store.js';
import { DAY, T0, dailyBatch, fixtureDataset } from '../../insitu/conformance/insitu-fixtures.js';

let app: FastifyInstance;
let store: InsituStore;
const BASE = 'http://data.test';

beforeAll(async () => {
  store = openSqliteInsituStore({ path: ':memory:' });
  await store.ingest(fixtureDataset());
  app = Fastify();
  // Error codes map to statuses in the application's one table, as in buildApp.
  registerErrorHandling(app);
  await app.register(insituPlugin, { prefix: '/api', store, baseUrl: BASE });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await store.close();
});

async function get(
  url: string,
): Promise<{ status: number; body: Record<string, unknown>; text: string; type: string }> {
  const response = await app.inject({ method: 'GET', url });
  const text = response.body;
  const type = String(response.headers['content-type']);
  return { status: response.statusCode, text, type, body: type.includes('json') ? JSON.parse(text) : {} };
}

const value = (body: Record<string, unknown>): Record<string, unknown>[] =>
  body.value as Record<string, unknown>[];

describe('SensorThings API v1.1', () => {
  it('serves the root with every entity set and the conformance classes', async () => {
    const { status, body } = await get('/api/sta/v1.1');
    expect(status).toBe(200);
    expect(value(body).map((v) => v.name)).toEqual([
      'Things',
      'Locations',
      'HistoricalLocations',
      'Datastreams',
      'ObservedProperties',
      'Sensors',
      'Observations',
      'FeaturesOfInterest',
    ]);
    expect(value(body)[0].url).toBe(`${BASE}/api/sta/v1.1/Things`);
    expect((body.serverSettings as { conformance: string[] }).conformance).toContain(
      'http://www.opengis.net/spec/iot_sensing/1.1/req/request-data',
    );
  });

  it('lists Things with self and navigation links', async () => {
    const { body } = await get('/api/sta/v1.1/Things');
    const things = value(body);
    expect(things.map((t) => t['@iot.id'])).toEqual(['BOMG', 'RPL1']);
    expect(things[0]['@iot.selfLink']).toBe(`${BASE}/api/sta/v1.1/Things('BOMG')`);
    expect(things[0]['Datastreams@iot.navigationLink']).toBe(
      `${BASE}/api/sta/v1.1/Things('BOMG')/Datastreams`,
    );
  });

  it('reads one entity, percent-encoded or not, and its navigation properties', async () => {
    expect((await get("/api/sta/v1.1/Things('BOMG')")).body.name).toBe('Bory');
    expect((await get('/api/sta/v1.1/Things(%27BOMG%27)')).body.name).toBe('Bory');
    const location = (await get("/api/sta/v1.1/Things('BOMG')/Locations")).body;
    expect(value(location)[0].location).toEqual({ type: 'Point', coordinates: [55.7114, -21.2448, 2569] });
    const datastreams = value((await get("/api/sta/v1.1/Things('BOMG')/Datastreams")).body);
    expect(datastreams.map((d) => d['@iot.id'])).toEqual(['BOMG-east-A', 'BOMG-east-B']);
    expect(datastreams[0].phenomenonTime).toBe(
      `${new Date(T0).toISOString()}/${new Date(T0 + 399 * DAY).toISOString()}`,
    );
    expect((await get("/api/sta/v1.1/Datastreams('BOMG-east-A')/ObservedProperty")).body.name).toBe(
      'East displacement',
    );
    expect((await get("/api/sta/v1.1/Datastreams('BOMG-east-A')/Sensor")).body.name).toBe('Leica GR50');
    expect((await get("/api/sta/v1.1/Datastreams('RPL1-alk')/Thing")).body['@iot.id']).toBe('RPL1');
  });

  it('serves the FeatureOfInterest of observations and an empty location history', async () => {
    const first = value(
      (await get("/api/sta/v1.1/Datastreams('RPL1-alk')/Observations?$top=1&$expand=FeatureOfInterest")).body,
    )[0];
    expect(first.FeatureOfInterest).toMatchObject({
      '@iot.id': 'RPL1',
      feature: { type: 'Point', coordinates: [55.48, -20.9] },
    });
    const viaFeature = (await get("/api/sta/v1.1/FeaturesOfInterest('BOMG')/Observations?$count=true&$top=1"))
      .body;
    expect(viaFeature['@iot.count']).toBe(700);
    expect(value((await get("/api/sta/v1.1/Things('BOMG')/HistoricalLocations")).body)).toEqual([]);
    expect((await get('/api/sta/v1.1/HistoricalLocations(1)')).status).toBe(404);
  });

  it('pages Observations with $top, $skip, @iot.nextLink and $count', async () => {
    const first = (await get("/api/sta/v1.1/Datastreams('RPL1-alk')/Observations?$top=5&$count=true")).body;
    expect(first['@iot.count']).toBe(20);
    expect(value(first).map((o) => o.result)).toEqual([500, 510, 520, 530, 540]);
    const next = String(first['@iot.nextLink']);
    expect(next).toBe(
      `${BASE}/api/sta/v1.1/Datastreams('RPL1-alk')/Observations?%24top=5&%24count=true&%24skip=5`,
    );
    const second = (await get(next.slice(BASE.length))).body;
    expect(value(second).map((o) => o.result)).toEqual([550, 560, 570, 580, 590]);
    const last = (await get("/api/sta/v1.1/Datastreams('RPL1-alk')/Observations?$skip=15&$top=5")).body;
    expect(last['@iot.nextLink']).toBeUndefined();
    const observation = value(first)[0];
    expect(observation.phenomenonTime).toBe(new Date(T0).toISOString());
    expect(observation.resultQuality).toEqual({ qualityFlag: 1, uncertainty: 0.001 });
    const again = await get(String(observation['@iot.selfLink']).slice(BASE.length));
    expect(again.body.result).toBe(500);
  });

  it('filters Observations on result and phenomenonTime and orders them', async () => {
    const url =
      "/api/sta/v1.1/Datastreams('RPL1-alk')/Observations?$filter=" +
      encodeURIComponent(
        `(result ge 600 or result lt 520) and not (phenomenonTime gt ${new Date(T0 + 15 * DAY).toISOString()})`,
      ) +
      '&$orderby=result desc&$select=result';
    const { status, body } = await get(url);
    expect(status).toBe(200);
    expect(value(body)).toEqual([
      { result: 650 },
      { result: 640 },
      { result: 630 },
      { result: 620 },
      { result: 610 },
      { result: 600 },
      { result: 510 },
      { result: 500 },
    ]);
  });

  it('filters, selects, orders and expands metadata entities', async () => {
    const filtered = (
      await get("/api/sta/v1.1/Datastreams?$filter=properties/method eq 'solution-B'&$select=id,name")
    ).body;
    expect(value(filtered)).toEqual([{ '@iot.id': 'BOMG-east-B', name: 'BOMG east, solution B' }]);
    const ordered = (await get('/api/sta/v1.1/Things?$orderby=name desc&$select=name')).body;
    expect(value(ordered)).toEqual([{ name: 'Rivière des Pluies' }, { name: 'Bory' }]);
    const expanded = (
      await get("/api/sta/v1.1/Things('BOMG')?$expand=Locations,Datastreams&$select=id,Datastreams")
    ).body;
    expect(Object.keys(expanded).sort()).toEqual([
      '@iot.id',
      'Datastreams',
      'Datastreams@iot.navigationLink',
      'Locations',
    ]);
    expect((expanded.Datastreams as unknown[]).length).toBe(2);
    const withThing = value((await get('/api/sta/v1.1/Datastreams?$expand=Thing&$top=1')).body)[0];
    expect((withThing.Thing as Record<string, unknown>)['@iot.id']).toBe('BOMG');
    const byTime = (
      await get(
        `/api/sta/v1.1/Datastreams?$filter=phenomenonTime lt ${new Date(T0 + DAY).toISOString()}&$count=true`,
      )
    ).body;
    expect(byTime['@iot.count']).toBe(3);
  });

  it('expands with nested options, several levels deep', async () => {
    const url =
      "/api/sta/v1.1/Things('BOMG')?$select=id&$expand=" +
      encodeURIComponent(
        "Datastreams($filter=properties/method eq 'solution-B';$select=id;$expand=Observations($top=2;$orderby=phenomenonTime desc;$select=result;$count=true))",
      );
    const { status, body } = await get(url);
    expect(status).toBe(200);
    const datastreams = body.Datastreams as Record<string, unknown>[];
    expect(Object.keys(body).sort()).toEqual(['@iot.id', 'Datastreams']);
    expect(datastreams.map((d) => Object.keys(d).sort())).toEqual([
      ['@iot.id', 'Observations', 'Observations@iot.count'],
    ]);
    expect(datastreams[0]['Observations@iot.count']).toBe(300);
    const results = (datastreams[0].Observations as { result: number }[]).map((o) => o.result);
    expect(results).toHaveLength(2);
    expect(results[0]).toBeCloseTo(0.0399, 12);
    expect(results[1]).toBeCloseTo(0.0398, 12);
    const bad = await get(`/api/sta/v1.1/Things?$expand=${encodeURIComponent('Datastreams($top=1')}`);
    expect(bad.status).toBe(400);
    expect(String(bad.body.description)).toMatch(/unbalanced/);
  });

  it.each([
    ['/api/sta/v1.1/Things?$filter=name eq', 400, 'INSITU_INVALID_QUERY', /expected a literal/],
    [
      "/api/sta/v1.1/Things?$filter=substringof('B', name)",
      400,
      'INSITU_INVALID_QUERY',
      /function 'substringof' is not supported/,
    ],
    ['/api/sta/v1.1/Things?$top=-1', 400, 'INSITU_INVALID_QUERY', /\$top: expected a non-negative integer/],
    ['/api/sta/v1.1/Things?$expand=Sensors', 400, 'INSITU_INVALID_QUERY', /no navigation property 'Sensors'/],
    [
      "/api/sta/v1.1/Observations?$filter=result eq 'high'",
      400,
      'INSITU_INVALID_QUERY',
      /expected a number for value/,
    ],
    ['/api/sta/v1.1/Observations?$filter=name eq 1', 400, 'INSITU_INVALID_QUERY', /can be filtered on/],
    ['/api/sta/v1.1/Widgets', 400, 'INSITU_INVALID_QUERY', /unsupported resource path/],
    ["/api/sta/v1.1/Things('nope')", 404, 'INSITU_NOT_FOUND', /Thing 'nope' does not exist/],
    ["/api/sta/v1.1/Observations('RPL1-alk@1')", 404, 'INSITU_NOT_FOUND', /Observation/],
  ])('answers %s with %i %s', async (url, status, code, description) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
    expect(String(response.body.description)).toMatch(description);
  });
});

describe('series downloads', () => {
  it('returns a time range as column JSON', async () => {
    const { status, body } = await get(
      `/api/insitu/datastreams/RPL1-alk/observations?start=${new Date(T0 + 2 * DAY).toISOString()}&end=${new Date(T0 + 4 * DAY).toISOString()}`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      datastream: 'RPL1-alk',
      count: 3,
      downsampled: false,
      value: [520, 530, 540],
      quality: [1, 1, 1],
    });
    expect(body.time).toEqual([T0 + 2 * DAY, T0 + 3 * DAY, T0 + 4 * DAY]);
  });

  it('returns CSV for download', async () => {
    const { status, text, type } = await get(
      '/api/insitu/datastreams/RPL1-alk/observations?format=csv&end=2020-01-02T12:00:00Z',
    );
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/csv/);
    expect(text).toBe(
      'time,value,uncertainty,quality\n2020-01-01T12:00:00.000Z,500,0.001,1\n2020-01-02T12:00:00.000Z,510,0.001,1\n',
    );
  });

  it('downsamples long series on the server', async () => {
    await store.ingest({
      observations: [{ datastreamId: 'BOMG-east-B', batch: dailyBatch(5000, 0, 0.001) }],
    });
    for (const method of ['lttb', 'minmax']) {
      const { body } = await get(
        `/api/insitu/datastreams/BOMG-east-B/observations?downsample=${method}&points=200`,
      );
      expect(body.downsampled).toBe(true);
      expect(body.count as number).toBeLessThanOrEqual(200);
      expect((body.time as number[])[0]).toBe(T0);
      expect((body.time as number[]).at(-1)).toBe(T0 + 4999 * DAY);
    }
  });

  it('plots a dense series from its overview, keeping its extremes', async () => {
    const batch = dailyBatch(40_000, 0, 0);
    for (let i = 0; i < batch.value.length; i++) batch.value[i] = Math.sin(i / 500);
    batch.value[31_234] = 42;
    await store.ingest({ observations: [{ datastreamId: 'BOMG-east-A', batch }] });
    const { body } = await get(
      '/api/insitu/datastreams/BOMG-east-A/observations?downsample=minmax&points=500',
    );
    expect(body.downsampled).toBe(true);
    expect(body.count as number).toBeLessThanOrEqual(500);
    expect(Math.max(...(body.value as number[]))).toBe(42);
    expect((body.time as number[]).at(-1)).toBe(T0 + 39_999 * DAY);
  });

  it('estimates a velocity with MIDAS and with the trajectory model, steps taken from station events', async () => {
    const midas = (await get('/api/insitu/datastreams/BOMG-east-B/velocity')).body;
    // 1 mm/day = 0.36525 m per 365.25-day year, but decimal years follow the calendar: allow 0.1 %.
    expect(midas.method).toBe('midas');
    expect(Math.abs((midas.velocity as number) - 0.36525)).toBeLessThan(0.0004);
    const trajectory = (await get('/api/insitu/datastreams/BOMG-east-B/velocity?method=trajectory')).body;
    expect((trajectory.steps as unknown[]).length).toBe(1);
    expect(Math.abs((trajectory.velocity as number) - 0.36525)).toBeLessThan(0.0004);
  });

  it.each([
    ['/api/insitu/datastreams/nope/observations', 404, 'INSITU_NOT_FOUND'],
    ['/api/insitu/datastreams/RPL1-alk/observations?start=yesterday', 400, 'INSITU_INVALID_QUERY'],
    [
      '/api/insitu/datastreams/RPL1-alk/observations?start=2021-01-01&end=2020-01-01',
      400,
      'INSITU_INVALID_QUERY',
    ],
    ['/api/insitu/datastreams/RPL1-alk/observations?points=1&downsample=lttb', 400, 'API_INVALID_REQUEST'],
    ['/api/insitu/datastreams/RPL1-alk/observations?format=xml', 400, 'API_INVALID_REQUEST'],
    ['/api/insitu/datastreams/RPL1-alk/velocity', 422, 'INSITU_ANALYSIS_ERROR'],
  ])('answers %s with %i %s', async (url, status, code) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
    expect(typeof response.body.description).toBe('string');
  });
});
