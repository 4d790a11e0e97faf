/**
 * A server-rendered SVG timeline of a collection's items: one tick per item (a bar for a time range), on a
 * year axis. Being plain SVG, it shows without JavaScript and is readable by assistive technology through
 * its title and the item list next to it.
 */
import type { StacItem } from '../../catalog/model/stac-types.js';
import { html, type SafeHtml } from './html.js';
import type { LandingLanguage } from './landing-messages.js';

const WIDTH = 720;
const HEIGHT = 70;
const MARGIN = 24;

function range(item: StacItem): [number, number] | undefined {
  const p = item.properties;
  const start = Date.parse(String(p.start_datetime ?? p.datetime ?? ''));
  const end = Date.parse(String(p.end_datetime ?? p.datetime ?? ''));
  if (Number.isNaN(start)) return undefined;
  return [start, Number.isNaN(end) ? start : end];
}

export function itemTimelineSvg(items: StacItem[], lang: LandingLanguage): SafeHtml {
  const ranges = items.map(range).filter((r): r is [number, number] => r !== undefined);
  if (ranges.length === 0) return html``;
  const min = Math.min(...ranges.map((r) => r[0]));
  const max = Math.max(...ranges.map((r) => r[1]));
  const firstYear = new Date(min).getUTCFullYear();
  const lastYear = new Date(max).getUTCFullYear() + 1;
  const t0 = Date.UTC(firstYear, 0, 1);
  const t1 = Date.UTC(lastYear, 0, 1);
  const x = (t: number): number => MARGIN + ((t - t0) / (t1 - t0)) * (WIDTH - 2 * MARGIN);
  const years: number[] = [];
  for (let year = firstYear; year <= lastYear; year++) years.push(year);
  const label =
    lang === 'fr'
      ? `${ranges.length} produits, ${firstYear}–${lastYear - 1}`
      : `${ranges.length} products, ${firstYear}–${lastYear - 1}`;
  return html`<svg
    class="timeline"
    viewBox="0 0 ${WIDTH} ${HEIGHT}"
    width="100%"
    role="img"
    aria-label="${label}"
  >
    <title>${label}</title>
    <line x1="${MARGIN}" y1="40" x2="${WIDTH - MARGIN}" y2="40" stroke="#5b6670" />
    ${years.map((year) => html`<g><line x1="${x(Date.UTC(year, 0, 1)).toFixed(1)}" y1="36" x2="${x(Date.UTC(year, 0, 1)).toFixed(1)}" y2="44" stroke="#5b6670" /><text x="${x(Date.UTC(year, 0, 1)).toFixed(1)}" y="60" font-size="11" text-anchor="middle">${year}</text></g>`)}
    ${ranges.map(([s, e]) =>
      e - s > 86_400_000
        ? html`<rect
            x="${x(s).toFixed(1)}"
            y="22"
            width="${Math.max(2, x(e) - x(s)).toFixed(1)}"
            height="10"
            fill="#b3401a"
            opacity="0.6"
          />`
        : html`<line
            x1="${x(s).toFixed(1)}"
            y1="18"
            x2="${x(s).toFixed(1)}"
            y2="34"
            stroke="#b3401a"
            stroke-width="2"
          />`,
    )}
  </svg>`;
}
