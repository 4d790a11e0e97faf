/**
 * Legends of map layers: a class table for categorical rasters (STAC classification extension, on the asset
 * or its bands), or a colour ramp with its value range when the tiles are rendered through a named colormap
 * (`colormap_name` and `rescale` in the `xyz` link, as the raster API writes them).
 */
import type { StacItem } from '../api/stac-client.js';
import { h } from '../dom.js';

interface ClassEntry {
  value: number;
  name?: string;
  description?: string;
  /** Classification extension 2.x; 1.x spells it `color-hint`. */
  color_hint?: string;
  'color-hint'?: string;
}

/** Colour stops of the colormaps the raster API offers (matplotlib's definitions, sampled). */
const RAMPS: Record<string, string[]> = {
  viridis: ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'],
  terrain: ['#333399', '#0099ff', '#00cc66', '#ffff99', '#805c54', '#ffffff'],
  magma: ['#000004', '#51127c', '#b73779', '#fc8961', '#fcfdbf'],
  greys: ['#000000', '#ffffff'],
  rdylgn: ['#a50026', '#f46d43', '#fee08b', '#d9ef8b', '#66bd63', '#006837'],
  blues: ['#f7fbff', '#6baed6', '#08306b'],
};

function classesOf(item: StacItem): ClassEntry[] | undefined {
  for (const asset of Object.values(item.assets ?? {}) as Record<string, unknown>[]) {
    const direct = asset['classification:classes'];
    if (Array.isArray(direct)) return direct as ClassEntry[];
    const bands = (asset['raster:bands'] ?? asset.bands) as Record<string, unknown>[] | undefined;
    const inBand = bands?.find((b) => Array.isArray(b['classification:classes']));
    if (inBand) return inBand['classification:classes'] as ClassEntry[];
  }
  return undefined;
}

export function renderLegend(item: StacItem, template: string | undefined): HTMLElement | undefined {
  const classes = classesOf(item);
  if (classes?.length) {
    return h(
      'ul',
      { class: 'legend-classes' },
      classes.map((c) =>
        h('li', {}, [
          h('span', {
            class: 'swatch',
            style: `background:#${(c.color_hint ?? c['color-hint'] ?? '888888').replace(/^#/, '')}`,
            'aria-hidden': 'true',
          }),
          `${c.value} — ${c.description ?? c.name ?? ''}`,
        ]),
      ),
    );
  }
  if (!template) return undefined;
  const query = new URL(template.replace(/\{[xyz]\}/g, '0'), location.href).searchParams;
  const name = (query.get('colormap_name') ?? query.get('colormap') ?? '').toLowerCase();
  const ramp = RAMPS[name];
  if (!ramp) return undefined;
  const [min, max] = (query.get('rescale') ?? '').split(',');
  return h('div', { class: 'legend-ramp' }, [
    h('div', {
      class: 'ramp',
      style: `background:linear-gradient(to right, ${ramp.join(', ')})`,
      'aria-hidden': 'true',
    }),
    h('div', { class: 'ramp-labels' }, [
      h('span', {}, [min ?? '']),
      h('span', {}, [name]),
      h('span', {}, [max ?? '']),
    ]),
  ]);
}
