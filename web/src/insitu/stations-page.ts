/**
 * The station map: every in-situ station on the map, filtered by network, variable, solution, period and
 * data completeness; each station links to its page (GNSS plotter) and its chart page. Filters live in the URL.
 */
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import Polygon from 'ol/geom/Polygon.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style.js';
import { fromLonLat } from 'ol/proj.js';
import { h } from '../dom.js';
import { formatNumber, language, t } from '../i18n/i18n.js';
import { COASTLINES } from '../map/coastlines.js';
import { listStations, type DatastreamSummary, type StationSummary } from './insitu-client.js';

export interface StationFilters {
  network: string;
  variable: string;
  solution: string;
  from: string;
  to: string;
  /** Minimum completeness, 0–100 %. */
  completeness: number;
}

export function filtersFromUrl(params: URLSearchParams): StationFilters {
  const completeness = Number(params.get('completeness'));
  return {
    network: params.get('network') ?? '',
    variable: params.get('variable') ?? '',
    solution: params.get('solution') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    completeness:
      Number.isFinite(completeness) && completeness >= 0 && completeness <= 100 ? completeness : 0,
  };
}

function filtersToUrl(filters: StationFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== '' && value !== 0) params.set(key, String(value));
  params.set('lang', language());
  return params;
}

/** The datastreams of a station that pass the filters; a station is shown when at least one does. */
export function matchingDatastreams(station: StationSummary, filters: StationFilters): DatastreamSummary[] {
  if (filters.network && station.networkId !== filters.network) return [];
  const from = filters.from ? Date.parse(`${filters.from}T00:00:00Z`) : -Infinity;
  const to = filters.to ? Date.parse(`${filters.to}T23:59:59Z`) : Infinity;
  return station.datastreams.filter(
    (d) =>
      (!filters.variable || d.observedPropertyId === filters.variable) &&
      (!filters.solution || d.method === filters.solution) &&
      d.firstTime !== undefined &&
      Date.parse(d.firstTime) <= to &&
      Date.parse(d.lastTime ?? d.firstTime) >= from &&
      (d.completeness ?? 0) * 100 >= filters.completeness,
  );
}

const stationStyle = (label: string): Style =>
  new Style({
    image: new Circle({
      radius: 6,
      fill: new Fill({ color: '#b3401a' }),
      stroke: new Stroke({ color: '#fff', width: 2 }),
    }),
    text: new Text({
      text: label,
      offsetY: -14,
      font: '12px system-ui, sans-serif',
      fill: new Fill({ color: '#1d232a' }),
    }),
  });

export class StationsPage {
  private stations: StationSummary[] = [];
  private readonly source = new VectorSource();
  private readonly list = h('ul', { class: 'station-list' });
  private readonly count = h('p', { class: 'count', role: 'status', 'aria-live': 'polite' });
  private readonly mapElement = h('div', {
    class: 'map',
    id: 'stations-map',
    role: 'region',
    'aria-label': t('map'),
  });

  constructor(
    private readonly root: HTMLElement,
    private filters: StationFilters,
  ) {}

  async start(): Promise<void> {
    this.stations = await listStations();
    this.root.replaceChildren(
      h('header', { class: 'top' }, [
        h('h1', {}, [t('stationsTitle')]),
        h('a', { href: `/?lang=${language()}`, class: 'back' }, [t('backToSearch')]),
      ]),
      h('main', { class: 'layout' }, [
        h('aside', { class: 'sidebar' }, [this.renderFilters(), this.count, this.list]),
        h('section', { class: 'content' }, [this.mapElement]),
      ]),
    );
    const land = new VectorSource({
      features: COASTLINES.map(({ ring }) => new Feature(new Polygon([ring.map((c) => fromLonLat(c))]))),
    });
    const map = new Map({
      target: this.mapElement,
      layers: [
        new VectorLayer({
          source: land,
          style: new Style({
            fill: new Fill({ color: '#e6ead8' }),
            stroke: new Stroke({ color: '#6b7d5c' }),
          }),
        }),
        new VectorLayer({ source: this.source, style: (f) => stationStyle(String(f.get('label'))) }),
      ],
      view: new View({ center: fromLonLat([55.55, -21.1]), zoom: 10 }),
    });
    map.on('click', (event) => {
      const feature = map.forEachFeatureAtPixel(event.pixel, (f) => f);
      if (feature) location.href = stationHref(String(feature.getId()));
    });
    this.apply();
  }

  private apply(): void {
    history.replaceState(null, '', `?${filtersToUrl(this.filters)}`);
    const shown = this.stations.filter((s) => matchingDatastreams(s, this.filters).length > 0);
    this.source.clear();
    for (const station of shown) {
      const feature = new Feature(new Point(fromLonLat([station.longitude, station.latitude])));
      feature.setId(station.id);
      feature.set('label', station.id);
      this.source.addFeature(feature);
    }
    this.count.textContent = t('stationCount', { count: formatNumber(shown.length) });
    this.list.replaceChildren(
      ...shown.map((station) => {
        const streams = matchingDatastreams(station, this.filters);
        const best = Math.max(...streams.map((d) => d.completeness ?? 0));
        return h('li', { class: 'station', 'data-station': station.id }, [
          h('a', { href: stationHref(station.id) }, [`${station.id} — ${station.name}`]),
          h('p', { class: 'muted' }, [
            `${station.networkId} · ${t('completeness')} ${formatNumber(Math.round(best * 100))} %`,
          ]),
          h('a', { href: chartHref(station.id), class: 'chart-link' }, [t('openChart')]),
        ]);
      }),
    );
    if (shown.length === 0) this.list.append(h('li', { class: 'muted' }, [t('noData')]));
  }

  private renderFilters(): HTMLElement {
    const unique = (values: (string | undefined)[]): string[] =>
      [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
    const all = this.stations.flatMap((s) => s.datastreams);
    const variables = new globalThis.Map(all.map((d) => [d.observedPropertyId, d.observedPropertyName]));
    const select = (id: keyof StationFilters, label: string, options: [string, string][]): HTMLElement => {
      const element = h('select', { id: `filter-${id}` }, [
        h('option', { value: '' }, [t('any')]),
        ...options.map(([value, text]) =>
          h('option', { value, selected: this.filters[id] === value }, [text]),
        ),
      ]);
      element.addEventListener('change', () => {
        this.filters = { ...this.filters, [id]: element.value };
        this.apply();
      });
      return h('label', { for: `filter-${id}`, class: 'field' }, [label, element]);
    };
    const date = (id: 'from' | 'to', label: string): HTMLElement => {
      const input = h('input', { type: 'date', id: `filter-${id}`, value: this.filters[id] });
      input.addEventListener('change', () => {
        this.filters = { ...this.filters, [id]: input.value };
        this.apply();
      });
      return h('label', { for: `filter-${id}`, class: 'field' }, [label, input]);
    };
    const completeness = h('input', {
      type: 'range',
      id: 'filter-completeness',
      min: 0,
      max: 100,
      step: 5,
      value: this.filters.completeness,
    });
    const completenessValue = h('output', { for: 'filter-completeness' }, [`${this.filters.completeness} %`]);
    completeness.addEventListener('input', () => {
      this.filters = { ...this.filters, completeness: Number(completeness.value) };
      completenessValue.textContent = `${completeness.value} %`;
      this.apply();
    });
    return h('form', { class: 'search-form', role: 'search', 'aria-label': t('stationsTitle') }, [
      select(
        'network',
        t('network'),
        unique(this.stations.map((s) => s.networkId)).map((n) => [n, n]),
      ),
      select(
        'variable',
        t('variable'),
        [...variables].sort((a, b) => a[1].localeCompare(b[1])),
      ),
      select(
        'solution',
        t('solution'),
        unique(all.map((d) => d.method)).map((m) => [m, m]),
      ),
      date('from', t('from')),
      date('to', t('to')),
      h('label', { for: 'filter-completeness', class: 'field' }, [
        t('minCompleteness'),
        completeness,
        completenessValue,
      ]),
    ]);
  }
}

export const stationHref = (id: string): string =>
  `/station.html?id=${encodeURIComponent(id)}&lang=${language()}`;
export const chartHref = (id: string): string =>
  `/chart.html?station=${encodeURIComponent(id)}&lang=${language()}`;
