/**
 * Pixel values at a clicked point, for every visible item (the raster API's point endpoint), and for a
 * time-slider collection the pixel's history across its items, plotted with uPlot.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { pointValues, type StacItem } from '../api/stac-client.js';
import { h } from '../dom.js';
import { formatDate, formatNumber, language, t } from '../i18n/i18n.js';

const DAY_SECONDS = 86_400;

/** A pixel value with the digits that matter: six significant ones (reflectances are 0.0373), big values whole. */
function formatValue(value: number): string {
  const digits: Intl.NumberFormatOptions =
    Math.abs(value) >= 1e5 ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: 6 };
  return new Intl.NumberFormat(language(), digits).format(value);
}

/** The clicked point with 5 decimals (about a metre) and hemispheres, in the reader's number format. */
function formatLonLat(lon: number, lat: number): string {
  const format = new Intl.NumberFormat(language(), { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  return `${format.format(Math.abs(lat))}° ${lat < 0 ? 'S' : 'N'} · ${format.format(Math.abs(lon))}° ${lon < 0 ? 'W' : 'E'}`;
}

/**
 * Labels of the time axis in the reader's language (uPlot's own are English), as precise as the spacing
 * of the ticks (`increment`, seconds) needs: years, months or days.
 */
function timeAxisLabels(splits: number[], increment: number): string[] {
  const fields: Intl.DateTimeFormatOptions =
    increment >= 365 * DAY_SECONDS
      ? { year: 'numeric' }
      : increment >= 28 * DAY_SECONDS
        ? { month: 'short', year: 'numeric' }
        : { day: 'numeric', month: 'short' };
  const format = new Intl.DateTimeFormat(language(), { ...fields, timeZone: 'UTC' });
  return splits.map((seconds) => format.format(new Date(seconds * 1000)));
}

const itemKey = (item: StacItem): string => `${item.collection}/${item.id}`;
const itemKeys = (items: StacItem[]): string => items.map(itemKey).join(' ');
const timeOf = (item: StacItem): number =>
  Date.parse(String(item.properties.datetime ?? item.properties.start_datetime)) / 1000;

export class PixelProbe {
  readonly element = h('div', { class: 'probe', 'aria-live': 'polite' }, [
    h('p', { class: 'muted' }, [t('clickForValues')]),
  ]);
  private chart?: uPlot;
  /** The last call's point and items, so that a change of the shown items can re-read the same point. */
  private last?: { point: [number, number]; keys: string };
  /** The history shown, and the point and items it was read for (it stays while only the date changes). */
  private history?: {
    block: HTMLElement;
    point: [number, number];
    keys: string;
    items: StacItem[];
    rows: HTMLTableRowElement[];
  };
  /** The history item the map shows (the time slider's date), marked on the chart and in its table. */
  private shown?: StacItem;
  private request = 0;

  /** Reads the values of `items` at a clicked point, and the pixel history over `history` (2 items or more). */
  async probe(point: [number, number], items: StacItem[], history: StacItem[]): Promise<void> {
    const request = ++this.request;
    this.last = { point, keys: itemKeys(items) };
    const shownKeys = new Set(items.map(itemKey));
    this.shown = history.find((item) => shownKeys.has(itemKey(item)));
    const values = await this.valuesBlock(point, items);
    if (request !== this.request) return;
    const keepHistory =
      this.history?.point === point && this.history.keys === itemKeys(history) && history.length > 1;
    this.element.replaceChildren(values, ...(keepHistory ? [this.history!.block] : []));
    if (keepHistory) this.markShown();
    else if (history.length > 1) await this.plotHistory(point, history, request);
  }

  /** Marks the date the map shows: a line on the chart, `aria-current` on its table row. */
  private markShown(): void {
    this.history?.items.forEach((item, index) => {
      const row = this.history!.rows[index];
      if (item === this.shown) row.setAttribute('aria-current', 'date');
      else row.removeAttribute('aria-current');
    });
    this.chart?.redraw(false, false);
  }

  /**
   * Re-reads the last clicked point when the shown items changed (time slider, visibility, removal), so the
   * values never belong to a date no longer shown; the history is kept when its items are the same.
   */
  async refresh(items: StacItem[], history: StacItem[]): Promise<void> {
    if (this.last && this.last.keys !== itemKeys(items)) await this.probe(this.last.point, items, history);
  }

  /** Shows the probe again in the current language, which formats its numbers, dates and chart. */
  async relabel(items: StacItem[], history: StacItem[]): Promise<void> {
    this.history = undefined;
    if (this.last) await this.probe(this.last.point, items, history);
    else this.element.replaceChildren(h('p', { class: 'muted' }, [t('clickForValues')]));
  }

  private async valuesBlock([lon, lat]: [number, number], items: StacItem[]): Promise<HTMLElement> {
    const rows = await Promise.all(
      items.map(async (item) => ({ item, result: await pointValues(item, lon, lat).catch(() => undefined) })),
    );
    // The exact point rides along in data attributes, for whoever reads the page (tests compare with the API).
    const where = h('p', { class: 'muted probe-point', 'data-lon': lon, 'data-lat': lat }, [
      formatLonLat(lon, lat),
    ]);
    const table = h(
      'table',
      { class: 'values' },
      rows.map(({ item, result }) =>
        h('tr', {}, [
          h('th', { scope: 'row' }, [(item.properties.title as string | undefined) ?? item.id]),
          // Outside a raster, or on its nodata, every band is null: say so rather than list dashes.
          h(
            'td',
            {},
            result?.values.some((v) => v !== null)
              ? result.values.map((v, i) =>
                  h('span', { class: 'band-value' }, [
                    `${result.bands?.[i] ?? `b${i + 1}`}: ${v === null ? '—' : formatValue(v)}`,
                  ]),
                )
              : [t('noValue')],
          ),
        ]),
      ),
    );
    return h('div', { class: 'probe-values' }, [where, table]);
  }

  private async plotHistory(point: [number, number], items: StacItem[], request: number): Promise<void> {
    const [lon, lat] = point;
    const results = await Promise.all(
      items.map((item) => pointValues(item, lon, lat).catch(() => undefined)),
    );
    if (request !== this.request) return;
    const times = items.map(timeOf);
    const bandCount = Math.max(0, ...results.map((r) => r?.values.length ?? 0));
    if (bandCount === 0) return;
    // Band names from an item that has values here (items outside the point have none).
    const bandNames = results.find((r) => r?.values.length)?.bands ?? [];
    const names = Array.from({ length: bandCount }, (_, band) => bandNames[band] ?? `b${band + 1}`);
    const series: (number | null)[][] = [];
    for (let band = 0; band < bandCount; band++) series.push(results.map((r) => r?.values[band] ?? null));
    if (series.every((values) => values.every((v) => v === null))) return;
    const container = h('div', { class: 'history', role: 'img', 'aria-label': t('pixelHistory') });
    const table = this.historyTable(items, names, series);
    const block = h('div', { class: 'probe-history' }, [h('h3', {}, [t('pixelHistory')]), container, table]);
    this.element.append(block);
    const rows = [...table.querySelectorAll('tbody tr')] as HTMLTableRowElement[];
    this.history = { block, point, keys: itemKeys(items), items, rows };
    this.chart?.destroy();
    const palette = ['#b3401a', '#0b5cad', '#2e8b57', '#8a2be2', '#d4a017', '#444'];
    this.chart = new uPlot(
      {
        width: Math.max(260, this.element.clientWidth),
        height: 180,
        series: [
          {
            label: t('historyDate'),
            value: (_u, v) => (v === null ? '' : formatDate(new Date(v * 1000).toISOString())),
          },
          ...series.map((_, i) => ({
            label: names[i],
            stroke: palette[i % palette.length],
            spanGaps: true,
            value: (_u: uPlot, v: number | null) => (v === null ? '—' : formatValue(v)),
          })),
        ],
        axes: [
          { space: 70, values: (_u, splits, _axis, _space, increment) => timeAxisLabels(splits, increment) },
          { values: (_u, splits) => splits.map((v) => formatNumber(v)) },
        ],
        hooks: { draw: [(chart) => this.drawShownDate(chart)] },
      },
      [times, ...series] as uPlot.AlignedData,
      container,
    );
    this.markShown();
  }

  /** A dashed vertical line at the date the map shows. */
  private drawShownDate(chart: uPlot): void {
    if (!this.shown) return;
    const x = chart.valToPos(timeOf(this.shown), 'x', true);
    const { ctx, bbox } = chart;
    ctx.save();
    ctx.strokeStyle = '#555';
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    ctx.restore();
  }

  /** The chart's values as a table, folded: what a screen reader reads, and what a user copies. */
  private historyTable(items: StacItem[], names: string[], series: (number | null)[][]): HTMLElement {
    const head = h('tr', {}, [
      h('th', { scope: 'col' }, [t('historyDate')]),
      ...names.map((name) => h('th', { scope: 'col' }, [name])),
    ]);
    const rows = items.map((item, index) =>
      h('tr', {}, [
        h('th', { scope: 'row' }, [
          formatDate(String(item.properties.datetime ?? item.properties.start_datetime)),
        ]),
        ...series.map((values) => {
          const value = values[index];
          return h('td', {}, [value === null ? '—' : formatValue(value)]);
        }),
      ]),
    );
    return h('details', { class: 'history-values' }, [
      h('summary', {}, [t('historyValues')]),
      h('table', { class: 'values' }, [h('thead', {}, [head]), h('tbody', {}, rows)]),
    ]);
  }
}
