/**
 * One chart panel of in-situ series (uPlot): several datastreams overlaid on a shared time axis, station events
 * drawn as dashed vertical lines, drag to zoom (reported to the page, which fetches that range again at full
 * detail), double-click to reset. Panels share a cursor so the E/N/U panels move together.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatDate } from '../i18n/i18n.js';

export interface PanelSeries {
  label: string;
  /** Epoch milliseconds. */
  time: number[];
  value: number[];
}

export interface PanelEvent {
  time: number;
  label: string;
}

export interface PanelOptions {
  title: string;
  unit: string;
  width: number;
  onZoom(startMs: number, endMs: number): void;
  onReset(): void;
}

const PALETTE = ['#b3401a', '#0b5cad', '#2e8b57', '#8a2be2', '#d4a017', '#444444'];

export class SeriesPanel {
  readonly element: HTMLElement;
  private plot?: uPlot;
  private events: PanelEvent[] = [];

  constructor(private readonly options: PanelOptions) {
    this.element = document.createElement('div');
    this.element.className = 'series-panel';
    this.element.setAttribute('role', 'img');
    this.element.setAttribute('aria-label', options.title);
  }

  /** Replaces the data (and events) shown. Series with different times are aligned on the union of times. */
  show(series: PanelSeries[], events: PanelEvent[]): void {
    this.events = events;
    const tables = series.map((s) => [s.time.map((t) => t / 1000), s.value] as uPlot.AlignedData);
    const data = tables.length ? uPlot.join(tables) : ([[]] as unknown as uPlot.AlignedData);
    this.plot?.destroy();
    this.plot = new uPlot(
      {
        title: this.options.title,
        width: this.options.width,
        height: 200,
        cursor: { sync: { key: 'insitu' }, drag: { x: true, y: false } },
        scales: { x: { time: true } },
        axes: [{}, { label: this.options.unit, size: 70 }],
        series: [
          { value: (_u, v) => (v == null ? '' : formatDate(new Date(v * 1000).toISOString())) },
          ...series.map((s, i) => ({
            label: s.label,
            stroke: PALETTE[i % PALETTE.length],
            width: 1.5,
            spanGaps: true,
            points: { show: false },
          })),
        ],
        hooks: {
          setSelect: [
            (u) => {
              if (u.select.width < 5) return;
              const start = u.posToVal(u.select.left, 'x') * 1000;
              const end = u.posToVal(u.select.left + u.select.width, 'x') * 1000;
              u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
              this.options.onZoom(start, end);
            },
          ],
          draw: [(u) => this.drawEvents(u)],
        },
      },
      data,
      this.element,
    );
    this.plot.over.addEventListener('dblclick', () => this.options.onReset());
  }

  private drawEvents(u: uPlot): void {
    const { ctx } = u;
    const { top, height } = u.bbox;
    ctx.save();
    ctx.strokeStyle = '#555';
    ctx.setLineDash([4, 4]);
    ctx.fillStyle = '#333';
    ctx.font = `${Math.round(10 * devicePixelRatio)}px system-ui, sans-serif`;
    // Labels are skipped where they would overprint the previous one; every event keeps its line.
    let labelEnd = -Infinity;
    for (const event of this.events) {
      const x = u.valToPos(event.time / 1000, 'x', true);
      if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      if (x > labelEnd) {
        ctx.fillText(event.label, x + 3, top + 12 * devicePixelRatio);
        labelEnd = x + 6 + ctx.measureText(event.label).width;
      }
    }
    ctx.restore();
  }

  destroy(): void {
    this.plot?.destroy();
  }
}
