import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../../../src/api/errors.js';
import { insituPlugin } from '../../../src/api/insitu/insitu-plugin.js';
import { MemoryInsituStore } from '../../../src/insitu/store/memory/memory-insitu-store.js';
import { fixtureDataset } from '../../insitu/conformance/insitu-fixtures.js';

let app: FastifyInstance;

beforeAll(async () => {
  const store = new MemoryInsituStore();
  await store.ingest(fixtureDataset());
  app = Fastify();
  registerErrorHandling(app);
  await app.register(insituPlugin, { prefix: '/api', store });
  await app.ready();
});
afterAll(() => app.close());

describe('station summaries', () => {
  it('lists stations with datastreams, ISO times, completeness and events', async () => {
    const response = await app.inject('/api/insitu/stations');
    expect(response.statusCode).toBe(200);
    const { stations } = response.json() as { stations: Record<string, unknown>[] };
    const bomg = stations.find((s) => s.id === 'BOMG')!;
    expect(bomg).toMatchObject({ networkId: 'ovpf-gnss', longitude: 55.7114, latitude: -21.2448 });
    expect(bomg.datastreams).toContainEqual(
      expect.objectContaining({
        id: 'BOMG-east-A',
        method: 'solution-A',
        count: 400,
        firstTime: '2020-01-01T12:00:00.000Z',
        completeness: 1,
      }),
    );
    expect(bomg.events).toContainEqual(
      expect.objectContaining({ kind: 'eruption', time: '2020-02-20T12:00:00.000Z' }),
    );
  });

  it('filters by network and answers one station, or 404 with the stable code', async () => {
    const erorun = (await app.inject('/api/insitu/stations?network=erorun')).json() as {
      stations: { id: string }[];
    };
    expect(erorun.stations.map((s) => s.id)).toEqual(['RPL1']);
    const one = await app.inject('/api/insitu/stations/RPL1');
    expect(one.json()).toMatchObject({
      id: 'RPL1',
      datastreams: [expect.objectContaining({ id: 'RPL1-alk' })],
    });
    const missing = await app.inject('/api/insitu/stations/NOPE');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'INSITU_NOT_FOUND' });
  });
});
