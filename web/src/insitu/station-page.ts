/**
 * A station's page, in the manner of the ForM@Ter Geodesy Plotter: one panel per observed variable (East,
 * North, Up for GNSS), every processing solution overlaid, station events marked, a detrend toggle (MIDAS
 * velocity removed), the velocities with their uncertainties (and the true ones for synthetic series), CSV
 * downloads, and zoom and pan that fetch the shown range again, downsampled on the server.
 * With `variable` set it is the chart page of that one variable.
 */
import { h } from '../dom.js';
import { formatDate, formatNumber, language, t } from '../i18n/i18n.js';
import {
  csvUrl,
  getSeries,
  getStation,
  getVelocity,
  type DatastreamSummary,
  type StationSummary,
  type Velocity,
} from './insitu-client.js';
import { SeriesPanel, type PanelSeries } from './series-panel.js';
import { chartHref, stationHref } from './stations-page.js';

const POINTS = 1500;
const MS_PER_YEAR = 365.25 * 86_400_000;

/** Panels in display order: GNSS components first, then other variables by name. */
const COMPONENT_ORDER = ['gnss-east', 'gnss-north', 'gnss-up'];

export interface StationPageOptions {
  stationId: string;
  /** Show only this observed property (the chart page). */
  variable?: string;
}

export class StationPage {
  private station!: StationSummary;
  private panels = new Map<string, SeriesPanel>();
  private velocities = new Map<string, Velocity>();
  private range?: [number, number];
  private detrend = false;
  private readonly panelArea = h('div', { class: 'panels' });
  private readonly status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });

  constructor(
    private readonly root: HTMLElement,
    private readonly options: StationPageOptions,
  ) {}

  async start(): Promise<void> {
    try {
      this.station = await getStation(this.options.stationId);
    } catch (error) {
      this.root.replaceChildren(
        h('div', { class: 'error', role: 'alert' }, [
          h('strong', {}, [`${t('station')} « ${this.options.stationId} »`]),
          h('p', {}, [error instanceof Error ? error.message : String(error)]),
          h('a', { href: `/stations.html?lang=${language()}` }, [t('stationsLink')]),
        ]),
      );
      return;
    }
    const streams = this.datastreams();
    const gnss = streams.some((d) => COMPONENT_ORDER.includes(d.observedPropertyId));
    if (gnss) {
      const results = await Promise.allSettled(streams.map((d) => getVelocity(d.id)));
      results.forEach((r, i) => r.status === 'fulfilled' && this.velocities.set(streams[i].id, r.value));
    }
    this.root.replaceChildren(this.renderPage(gnss));
    await this.draw();
  }

  private datastreams(): DatastreamSummary[] {
    return this.station.datastreams.filter(
      (d) => !this.options.variable || d.observedPropertyId === this.options.variable,
    );
  }

  private groups(): [string, DatastreamSummary[]][] {
    const groups = new Map<string, DatastreamSummary[]>();
    for (const d of this.datastreams())
      groups.set(d.observedPropertyId, [...(groups.get(d.observedPropertyId) ?? []), d]);
    const rank = (id: string): number => (COMPONENT_ORDER.includes(id) ? COMPONENT_ORDER.indexOf(id) : 99);
    return [...groups].sort(
      (a, b) =>
        rank(a[0]) - rank(b[0]) || a[1][0].observedPropertyName.localeCompare(b[1][0].observedPropertyName),
    );
  }

  /** Fetches every series for the current range and redraws the panels. */
  private async draw(): Promise<void> {
    const [start, end] = this.range ?? [undefined, undefined];
    this.status.textContent = t('loading');
    const width = Math.max(320, Math.min(1100, this.panelArea.clientWidth || 900));
    for (const [property, streams] of this.groups()) {
      const series = await Promise.all(streams.map((d) => getSeries(d.id, POINTS, start, end)));
      const shown: PanelSeries[] = series.map((s, i) => ({
        label: streams[i].method ?? streams[i].name,
        time: s.time,
        value: this.detrend ? this.detrended(streams[i].id, s.time, s.value) : s.value,
      }));
      let panel = this.panels.get(property);
      if (!panel) {
        panel = new SeriesPanel({
          title: streams[0].observedPropertyName,
          unit: streams[0].unit.symbol,
          width,
          onZoom: (from, to) => this.setRange([from, to]),
          onReset: () => this.setRange(undefined),
        });
        this.panels.set(property, panel);
        this.panelArea.append(panel.element);
      }
      panel.show(
        shown,
        this.station.events.map((e) => ({ time: Date.parse(e.time), label: e.kind })),
      );
    }
    this.status.textContent = this.panels.size ? t('zoomHint') : t('noData');
  }

  /** Values minus the MIDAS trend, re-centred on their median so panels stay readable. */
  private detrended(id: string, time: number[], value: number[]): number[] {
    const velocity = this.velocities.get(id);
    if (!velocity || time.length === 0) return value;
    const t0 = time[0];
    const residual = value.map((v, i) => v - (velocity.velocity * (time[i] - t0)) / MS_PER_YEAR);
    const sorted = [...residual].sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1];
    return residual.map((r) => r - median);
  }

  private setRange(range: [number, number] | undefined): void {
    this.range = range;
    void this.draw();
  }

  private pan(direction: -1 | 1): void {
    const streams = this.datastreams();
    const first = Math.min(...streams.map((d) => Date.parse(d.firstTime ?? '')).filter(Number.isFinite));
    const last = Math.max(...streams.map((d) => Date.parse(d.lastTime ?? '')).filter(Number.isFinite));
    const [start, end] = this.range ?? [first, last];
    const shift = ((end - start) / 2) * direction;
    this.setRange([start + shift, end + shift]);
  }

  private renderPage(gnss: boolean): HTMLElement {
    const s = this.station;
    const detrend = h('input', { type: 'checkbox', id: 'detrend', checked: this.detrend, disabled: !gnss });
    detrend.addEventListener('change', () => {
      this.detrend = detrend.checked;
      void this.draw();
    });
    const button = (label: string, action: () => void, id: string): HTMLButtonElement => {
      const b = h('button', { type: 'button', id }, [label]);
      b.addEventListener('click', action);
      return b;
    };
    const variableSelect = this.renderVariableSelect();
    return h('div', { class: 'station-page' }, [
      h('header', { class: 'top' }, [
        h('h1', {}, [`${t('station')} ${s.id} — ${s.name}`]),
        h('a', { href: `/stations.html?lang=${language()}`, class: 'back' }, [t('stationsLink')]),
      ]),
      h('main', { class: 'station-main' }, [
        h('p', {}, [
          `${t('network')} : ${s.networkId} · ${s.latitude.toFixed(4)}, ${s.longitude.toFixed(4)}`,
          s.elevation !== undefined ? ` · ${t('elevation')} ${formatNumber(s.elevation)} m` : '',
          s.properties?.synthetic === true ? ` · ${t('synthetic')}` : '',
        ]),
        h('div', { class: 'controls' }, [
          variableSelect ?? '',
          h('label', { for: 'detrend' }, [detrend, ' ', t('detrend')]),
          button(t('panLeft'), () => this.pan(-1), 'pan-left'),
          button(t('panRight'), () => this.pan(1), 'pan-right'),
          button(t('resetZoom'), () => this.setRange(undefined), 'reset-zoom'),
        ]),
        this.status,
        this.panelArea,
        gnss ? this.renderVelocities() : '',
        this.renderEvents(),
        this.renderDownloads(),
      ]),
    ]);
  }

  /** On the chart page, a choice of the station's variables. */
  private renderVariableSelect(): HTMLElement | undefined {
    if (!this.options.variable && location.pathname.endsWith('station.html')) return undefined;
    const variables = new Map(
      this.station.datastreams.map((d) => [d.observedPropertyId, d.observedPropertyName]),
    );
    const select = h(
      'select',
      { id: 'variable' },
      [...variables].map(([id, name]) =>
        h('option', { value: id, selected: id === this.options.variable }, [name]),
      ),
    );
    select.addEventListener('change', () => {
      location.href = `${chartHref(this.station.id)}&variable=${encodeURIComponent(select.value)}`;
    });
    return h('label', { for: 'variable' }, [t('variable'), ' ', select]);
  }

  private renderVelocities(): HTMLElement {
    const mmPerYear = (v: number): string => formatNumber(Math.round(v * 1e4) / 10);
    const rows = this.datastreams().map((d) => {
      const v = this.velocities.get(d.id);
      const truth = d.properties?.trueVelocity;
      return h('tr', {}, [
        h('td', {}, [d.observedPropertyName]),
        h('td', {}, [d.method ?? '']),
        h('td', { class: 'velocity' }, [
          v ? `${mmPerYear(v.velocity)} ± ${mmPerYear(v.uncertainty)} ${t('mmPerYear')}` : '—',
        ]),
        h('td', {}, [
          typeof truth === 'number' ? `${mmPerYear(truth)} ${t('mmPerYear')} (${t('trueVelocity')})` : '',
        ]),
      ]);
    });
    return h('section', {}, [
      h('h2', {}, [t('velocities')]),
      h('table', { class: 'values' }, [
        h('thead', {}, [
          h('tr', {}, [
            h('th', {}, [t('component')]),
            h('th', {}, [t('solution')]),
            h('th', {}, ['MIDAS']),
            h('th', {}, ['']),
          ]),
        ]),
        h('tbody', {}, rows),
      ]),
    ]);
  }

  private renderEvents(): HTMLElement | string {
    if (!this.station.events.length) return '';
    return h('section', {}, [
      h('h2', {}, [t('events')]),
      h(
        'ul',
        {},
        this.station.events.map((e) =>
          h('li', {}, [`${formatDate(e.time)} — ${e.kind}${e.description ? ` : ${e.description}` : ''}`]),
        ),
      ),
    ]);
  }

  private renderDownloads(): HTMLElement {
    return h('section', {}, [
      h('h2', {}, [t('download')]),
      h(
        'ul',
        { class: 'downloads' },
        this.datastreams().map((d) =>
          h('li', {}, [h('a', { href: csvUrl(d.id), download: `${d.id}.csv` }, [d.name])]),
        ),
      ),
      h('p', {}, [
        h('a', { href: stationHref(this.station.id) }, [t('openStation')]),
        ' · ',
        h('a', { href: chartHref(this.station.id) }, [t('openChart')]),
      ]),
    ]);
  }
}
