import { describe, expect, it } from 'vitest';
import { listAggregations, parseAggregations } from '../../../src/catalog/search/aggregation-parser.js';

describe('aggregation parsing', () => {
  it('maps every aggregation name to a store request', () => {
    const requests = parseAggregations(
      'total_count,collection_frequency,keywords_frequency,providers_frequency,platform_frequency,instruments_frequency,constellation_frequency,datetime_frequency,geometry_grid_frequency,datetime_min,datetime_max,gsd_min,eo:cloud_cover_max',
      { datetime_frequency_interval: 'year', geometry_grid_frequency_cell_size: '0.25' },
      ['gsd', 'eo:cloud_cover'],
    );
    expect(requests).toEqual([
      { name: 'total_count', kind: 'total_count' },
      { name: 'collection_frequency', kind: 'terms', field: 'collection' },
      { name: 'keywords_frequency', kind: 'terms', field: 'keywords' },
      { name: 'providers_frequency', kind: 'terms', field: 'providers' },
      { name: 'platform_frequency', kind: 'terms', field: 'platform' },
      { name: 'instruments_frequency', kind: 'terms', field: 'instruments' },
      { name: 'constellation_frequency', kind: 'terms', field: 'constellation' },
      { name: 'datetime_frequency', kind: 'datetime_histogram', interval: 'year' },
      { name: 'geometry_grid_frequency', kind: 'geo_grid', cellDegrees: 0.25 },
      { name: 'datetime_min', kind: 'min', field: 'datetime' },
      { name: 'datetime_max', kind: 'max', field: 'datetime' },
      { name: 'gsd_min', kind: 'min', field: 'gsd' },
      { name: 'eo:cloud_cover_max', kind: 'max', field: 'eo:cloud_cover' },
    ]);
  });

  it('defaults to counts and facets, with monthly histograms and 1° cells', () => {
    const requests = parseAggregations(undefined, {}, []);
    expect(requests.map((request) => request.name)).toContain('platform_frequency');
    expect(requests).toContainEqual({
      name: 'datetime_frequency',
      kind: 'datetime_histogram',
      interval: 'month',
    });
    expect(parseAggregations(['geometry_grid_frequency'], {}, [])).toEqual([
      { name: 'geometry_grid_frequency', kind: 'geo_grid', cellDegrees: 1 },
    ]);
    expect(
      parseAggregations(['geometry_grid_frequency'], { geometry_grid_frequency_limit: '500' }, []),
    ).toEqual([{ name: 'geometry_grid_frequency', kind: 'geo_grid', cellDegrees: 1, limit: 500 }]);
  });

  it.each([
    ['title_max', {}, /'title_max' is not an available aggregation/],
    ['datetime_frequency', { datetime_frequency_interval: 'week' }, /day, month or year/],
    ['geometry_grid_frequency', { geometry_grid_frequency_cell_size: '0' }, /in \(0, 90\]/],
    ['geometry_grid_frequency', { geometry_grid_frequency_limit: '0' }, /from 1 to 100000/],
    ['geometry_grid_frequency', { geometry_grid_frequency_limit: 2.5 }, /from 1 to 100000/],
    [[5], {}, /array of names/],
  ])('rejects %j', (names, options, message) => {
    expect(() => parseAggregations(names, options, ['gsd'])).toThrow(message);
  });

  it('lists _min/_max for each numeric queryable', () => {
    const names = listAggregations(['gsd']).map((aggregation) => aggregation.name);
    expect(names).toEqual(
      expect.arrayContaining(['total_count', 'gsd_min', 'gsd_max', 'datetime_frequency']),
    );
  });
});
