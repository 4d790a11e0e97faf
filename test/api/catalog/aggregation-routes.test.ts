import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, createTestCatalog } from './catalog-test-app.js';

interface Aggregation {
  name: string;
  data_type: string;
  value?: unknown;
  buckets?: { key: string; frequency: number }[];
}

let app: FastifyInstance;

beforeAll(async () => {
  ({ app } = await createTestCatalog());
});
afterAll(() => app.close());

const byName = (list: Aggregation[], name: string): Aggregation | undefined =>
  list.find((a) => a.name === name);

describe('aggregation extension', () => {
  it('lists the available aggregations, with _min/_max of numeric queryables', async () => {
    const response = await app.inject('/api/aggregations');
    expect(response.statusCode).toBe(200);
    const { type, aggregations, links } = response.json();
    expect(type).toBe('AggregationCollection');
    const names = (aggregations as Aggregation[]).map((a) => a.name);
    for (const name of [
      'total_count',
      'collection_frequency',
      'keywords_frequency',
      'providers_frequency',
      'platform_frequency',
      'instruments_frequency',
      'constellation_frequency',
      'datetime_frequency',
      'geometry_grid_frequency',
      'datetime_min',
      'datetime_max',
      'eo:cloud_cover_min',
      'eo:cloud_cover_max',
    ]) {
      expect(names).toContain(name);
    }
    expect(links).toContainEqual(expect.objectContaining({ rel: 'root', href: `${BASE}/api` }));
  });

  it('aggregates a search by GET and POST', async () => {
    const query =
      '/api/aggregate?collections=pleiades&aggregations=total_count,platform_frequency,eo:cloud_cover_max,datetime_frequency&datetime_frequency_interval=day';
    const response = await app.inject(query);
    expect(response.statusCode, response.body).toBe(200);
    const aggregations = response.json().aggregations as Aggregation[];
    expect(byName(aggregations, 'total_count')?.value).toBe(25);
    const platforms = byName(aggregations, 'platform_frequency')?.buckets ?? [];
    expect(Object.fromEntries(platforms.map((b) => [b.key, b.frequency]))).toEqual({
      'pleiades-1a': 13,
      'pleiades-1b': 12,
    });
    expect(byName(aggregations, 'eo:cloud_cover_max')?.value).toBe(96);
    expect(byName(aggregations, 'datetime_frequency')?.buckets?.length).toBe(25);

    const posted = await app.inject({
      method: 'POST',
      url: '/api/aggregate',
      payload: {
        collections: ['pleiades'],
        aggregations: ['total_count', 'collection_frequency'],
        bbox: [55.2, -21.4, 55.25, -21.35],
      },
    });
    expect(posted.statusCode, posted.body).toBe(200);
    const postedAggregations = posted.json().aggregations as Aggregation[];
    expect(byName(postedAggregations, 'total_count')?.value).toBe(1);
  });

  it('aggregates within one collection', async () => {
    const response = await app.inject(
      '/api/collections/landcover/aggregate?aggregations=total_count,geometry_grid_frequency&geometry_grid_frequency_cell_size=0.01',
    );
    expect(response.statusCode, response.body).toBe(200);
    const aggregations = response.json().aggregations as Aggregation[];
    expect(byName(aggregations, 'total_count')?.value).toBe(3);
    const cells = byName(aggregations, 'geometry_grid_frequency')?.buckets ?? [];
    expect(cells.reduce((sum, bucket) => sum + bucket.frequency, 0)).toBeGreaterThanOrEqual(3);
    expect(cells.length).toBeGreaterThan(1);
    const limited = await app.inject(
      '/api/collections/landcover/aggregate?aggregations=geometry_grid_frequency&geometry_grid_frequency_cell_size=0.01&geometry_grid_frequency_limit=1',
    );
    expect(limited.statusCode, limited.body).toBe(200);
    const [grid] = limited.json().aggregations as (Aggregation & { overflow: number })[];
    expect(grid.buckets).toEqual(cells.slice(0, 1));
    expect(grid.overflow).toBe(cells.slice(1).reduce((sum, bucket) => sum + bucket.frequency, 0));
    const listed = await app.inject('/api/collections/landcover/aggregations');
    expect(listed.statusCode).toBe(200);
  });
});
