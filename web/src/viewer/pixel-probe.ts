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

export class PixelProbe {
  readonly element = h('div', { class: 'probe', 'aria-live': 'polite' }, [
    h('p', { class: 'muted' }, [t('clickForValues')]),
  ]);
  private chart?: uPlot;
  private request = 0;

  async probe([lon, lat]: [number, number], items: StacItem[], history: StacItem[]): Promise<void> {
    const request = ++this.request;
    const rows = await Promise.all(
      items.map(async (item) => ({ item, result: await pointValues(item, lon, lat).catch(() => undefined) })),
    );
    if (request !== this.request) return;
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
          h('td', {}, [
            // Outside a raster, or on its nodata, every band is null: say so rather than list dashes.
            result?.values.some((v) => v !== null)
              ? result.values
                  .map((v, i) => `${result.bands?.[i] ?? `b${i + 1}`}: ${v === null ? '—' : formatNumber(v)}`)
                  .join(' · ')
              : t('noValue'),
          ]),
        ]),
      ),
    );
    this.element.replaceChildren(where, table);
    if (history.length > 1) await this.plotHistory(lon, lat, history, request);
  }

  private async plotHistory(lon: number, lat: number, items: StacItem[], request: number): Promise<void> {
    const results = await Promise.all(
      items.map((item) => pointValues(item, lon, lat).catch(() => undefined)),
    );
    if (request !== this.request) return;
    const times = items.map(
      (item) => Date.parse(String(item.properties.datetime ?? item.properties.start_datetime)) / 1000,
    );
    const bandCount = Math.max(0, ...results.map((r) => r?.values.length ?? 0));
    if (bandCount === 0) return;
    // Band names from an item that has values here (items outside the point have none).
    const bandNames = results.find((r) => r?.values.length)?.bands ?? [];
    const names = Array.from({ length: bandCount }, (_, band) => bandNames[band] ?? `b${band + 1}`);
    const series: (number | null)[][] = [];
    for (let band = 0; band < bandCount; band++) series.push(results.map((r) => r?.values[band] ?? null));
    if (series.every((values) => values.every((v) => v === null))) return;
    const container = h('div', { class: 'history', role: 'img', 'aria-label': t('pixelHistory') });
    this.element.append(h('h3', {}, [t('pixelHistory')]), container, this.historyTable(items, names, series));
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
            value: (_u: uPlot, v: number | null) => (v === null ? '—' : formatNumber(v)),
          })),
        ],
        axes: [
          { space: 70, values: (_u, splits, _axis, _space, increment) => timeAxisLabels(splits, increment) },
          { values: (_u, splits) => splits.map((v) => formatNumber(v)) },
        ],
      },
      [times, ...series] as uPlot.AlignedData,
      container,
    );
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
          return h('td', {}, [value === null ? '—' : formatNumber(value)]);
        }),
      ]),
    );
    return h('details', { class: 'history-values' }, [
      h('summary', {}, [t('historyValues')]),
      h('table', { class: 'values' }, [h('thead', {}, [head]), h('tbody', {}, rows)]),
    ]);
  }
}
