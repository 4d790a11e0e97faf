/**
 * Pixel values at a clicked point, for every visible item (the raster API's point endpoint), and for a
 * time-slider collection the pixel's history across its items, plotted with uPlot.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { pointValues, type StacItem } from '../api/stac-client.js';
import { h } from '../dom.js';
import { formatDate, formatNumber, t } from '../i18n/i18n.js';

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
    const where = h('p', { class: 'muted' }, [`${lat.toFixed(5)}, ${lon.toFixed(5)}`]);
    const table = h(
      'table',
      { class: 'values' },
      rows.map(({ item, result }) =>
        h('tr', {}, [
          h('th', { scope: 'row' }, [(item.properties.title as string | undefined) ?? item.id]),
          h('td', {}, [
            result?.values.length
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
    const names = results.find((r) => r?.bands)?.bands ?? [];
    const series: (number | null)[][] = [];
    for (let band = 0; band < bandCount; band++) series.push(results.map((r) => r?.values[band] ?? null));
    const container = h('div', { class: 'history', role: 'img', 'aria-label': t('pixelHistory') });
    this.element.append(h('h3', {}, [t('pixelHistory')]), container);
    this.chart?.destroy();
    const palette = ['#b3401a', '#0b5cad', '#2e8b57', '#8a2be2', '#d4a017', '#444'];
    this.chart = new uPlot(
      {
        width: Math.max(260, this.element.clientWidth),
        height: 180,
        series: [
          { value: (_u, v) => (v === null ? '' : formatDate(new Date(v * 1000).toISOString())) },
          ...series.map((_, i) => ({
            label: names[i] ?? `b${i + 1}`,
            stroke: palette[i % palette.length],
            spanGaps: true,
          })),
        ],
        axes: [{}, {}],
      },
      [times, ...series] as uPlot.AlignedData,
      container,
    );
  }
}
