/**
 * The map viewer: items as tile layers (list with visibility, opacity, order and legends), a time slider over
 * a collection, a swipe comparison of two layers, a projection switch, and pixel values on click.
 * Everything it shows is in the URL, so a view can be shared.
 */
import { getItem, listCollectionItems, type StacItem } from '../api/stac-client.js';
import { h } from '../dom.js';
import { formatDate, setLanguage, t } from '../i18n/i18n.js';
import { LANGUAGES, type Language } from '../i18n/messages.js';
import { renderLegend } from './legend.js';
import { PixelProbe } from './pixel-probe.js';
import { VIEW_PROJECTIONS, type ViewProjection } from './projections.js';
import { tileTemplate, ViewerMap } from './viewer-map.js';
import { viewerStateToUrl, type ViewerState } from './viewer-state.js';

export class ViewerPage {
  private readonly items = new Map<string, StacItem>();
  private timeItems: StacItem[] = [];
  private readonly map: ViewerMap;
  private readonly mapElement = h('div', { class: 'viewer-map', id: 'viewer-map', role: 'region' });
  private readonly side = h('aside', { class: 'viewer-side' });
  private readonly notices = h('div', { class: 'notices', role: 'status', 'aria-live': 'polite' });
  private readonly probe: PixelProbe;
  private readonly failedLayers = new Set<string>();

  constructor(
    private readonly root: HTMLElement,
    private state: ViewerState,
  ) {
    this.root.replaceChildren(
      h('div', { class: 'viewer' }, [
        this.renderHeader(),
        h('main', { class: 'viewer-layout' }, [this.side, this.mapElement]),
      ]),
    );
    this.map = new ViewerMap(this.mapElement, state.projection, (key) => this.reportTileError(key));
    this.probe = new PixelProbe();
    this.map.onClick((lonLat) => void this.probe.probe(lonLat, this.visibleItems(), this.timeItems));
  }

  async start(): Promise<void> {
    const keys = this.state.layers.map((l) => l.key);
    const loaded = await Promise.allSettled(keys.map((key) => this.loadItem(key)));
    const missing = keys.filter((_, i) => loaded[i].status === 'rejected');
    if (missing.length)
      this.notices.append(h('p', { class: 'error' }, [`${missing.join(', ')}: ${t('noValue')}`]));
    this.state.layers = this.state.layers.filter((l) => this.items.has(l.key));
    if (this.state.timeCollection) {
      this.timeItems = await listCollectionItems(this.state.timeCollection).catch(() => []);
      this.state.timeIndex = Math.min(this.state.timeIndex, Math.max(0, this.timeItems.length - 1));
    }
    this.apply();
    this.map.fitItems([...this.items.values(), ...this.timeItems]);
  }

  private async loadItem(key: string): Promise<void> {
    const [collection, id] = key.split('/');
    this.items.set(key, await getItem(collection, id));
  }

  private timeItem(): StacItem | undefined {
    return this.timeItems[this.state.timeIndex];
  }

  private visibleItems(): StacItem[] {
    const layers = this.state.layers.filter((l) => l.visible).map((l) => this.items.get(l.key)!);
    const current = this.timeItem();
    return current ? [...layers, current] : layers;
  }

  /** Pushes the state to the map, the side panel and the URL. */
  private apply(): void {
    const layers = this.state.layers.map((l) => ({ ...l, item: this.items.get(l.key)! }));
    const current = this.timeItem();
    if (current)
      layers.push({ key: `${current.collection}/${current.id}`, item: current, opacity: 1, visible: true });
    this.map.syncLayers(layers);
    this.applySwipe(false);
    this.renderSide();
    void this.probe.refresh(this.visibleItems(), this.timeItems);
    history.replaceState(null, '', `?${viewerStateToUrl(this.state)}`);
  }

  /** Pushes the swipe pair and split to the map (and, unless told otherwise, to the URL). */
  private applySwipe(updateUrl = true): void {
    const swipe = this.state.swipe;
    this.map.setSwipe(
      swipe ? { left: swipe[0], right: swipe[1], position: this.state.swipePosition } : undefined,
    );
    if (updateUrl) history.replaceState(null, '', `?${viewerStateToUrl(this.state)}`);
  }

  private reportTileError(key: string): void {
    if (this.failedLayers.has(key)) return;
    this.failedLayers.add(key);
    const item = this.items.get(key) ?? this.timeItem();
    this.notices.append(
      h('p', { class: 'error' }, [t('layerError', { layer: (item?.properties.title as string) ?? key })]),
    );
  }

  private renderHeader(): HTMLElement {
    const select = h('select', { id: 'language' });
    for (const lang of LANGUAGES) {
      select.append(
        h('option', { value: lang, selected: lang === this.state.lang }, [
          lang === 'fr' ? 'Français' : 'English',
        ]),
      );
    }
    select.addEventListener('change', () => {
      this.state.lang = select.value as Language;
      setLanguage(this.state.lang);
      history.replaceState(null, '', `?${viewerStateToUrl(this.state)}`);
      this.root.querySelector('header')!.replaceWith(this.renderHeader());
      this.renderSide();
      void this.probe.relabel(this.visibleItems(), this.timeItems);
    });
    return h('header', { class: 'top' }, [
      h('h1', {}, [t('viewerTitle')]),
      h('a', { href: `/?lang=${this.state.lang}`, class: 'back' }, [t('backToSearch')]),
      h('label', { for: 'language', class: 'lang' }, [t('language'), ' ', select]),
    ]);
  }

  private renderSide(): void {
    this.mapElement.setAttribute('aria-label', t('viewerTitle'));
    this.side.replaceChildren(
      this.renderProjection(),
      this.renderLayers(),
      this.renderTimeSlider(),
      this.renderSwipe(),
      h('section', {}, [h('h2', {}, [t('pixelValues')]), this.probe.element]),
      this.notices,
    );
  }

  private renderProjection(): HTMLElement {
    const select = h('select', { id: 'projection' });
    for (const code of VIEW_PROJECTIONS) {
      const label = code === 'EPSG:3857' ? 'Web Mercator (EPSG:3857)' : 'RGR92 / UTM 40S (EPSG:2975)';
      select.append(h('option', { value: code, selected: code === this.state.projection }, [label]));
    }
    select.addEventListener('change', () => {
      this.state.projection = select.value as ViewProjection;
      this.map.setProjection(this.state.projection);
      this.apply();
    });
    return h('label', { for: 'projection', class: 'field' }, [t('projection'), select]);
  }

  private renderLayers(): HTMLElement {
    const list = h('ol', { class: 'layer-list', reversed: true });
    // Shown top layer first, as map users expect; the state keeps the drawing order (bottom first).
    [...this.state.layers].reverse().forEach((layer) => {
      const index = this.state.layers.indexOf(layer);
      const item = this.items.get(layer.key)!;
      const title = (item.properties.title as string | undefined) ?? item.id;
      const id = `layer-${index}`;
      const visible = h('input', { type: 'checkbox', id: `${id}-visible`, checked: layer.visible });
      visible.addEventListener('change', () => {
        layer.visible = visible.checked;
        this.apply();
      });
      const opacity = h('input', {
        type: 'range',
        id: `${id}-opacity`,
        min: 0,
        max: 1,
        step: 0.05,
        value: layer.opacity,
      });
      opacity.addEventListener('input', () => {
        layer.opacity = Number(opacity.value);
        this.apply();
      });
      const up = h(
        'button',
        {
          type: 'button',
          disabled: index === this.state.layers.length - 1,
          'aria-label': `${t('moveUp')} : ${title}`,
        },
        ['↑'],
      );
      const down = h(
        'button',
        { type: 'button', disabled: index === 0, 'aria-label': `${t('moveDown')} : ${title}` },
        ['↓'],
      );
      const remove = h('button', { type: 'button', 'aria-label': `${t('remove')} : ${title}` }, ['✕']);
      up.addEventListener('click', () => this.move(index, index + 1));
      down.addEventListener('click', () => this.move(index, index - 1));
      remove.addEventListener('click', () => {
        this.state.layers.splice(index, 1);
        if (this.state.swipe?.includes(layer.key)) this.state.swipe = undefined;
        this.apply();
      });
      const template = tileTemplate(item);
      const legend = renderLegend(item, template);
      list.append(
        h('li', { class: 'layer', 'data-key': layer.key }, [
          h('div', { class: 'layer-head' }, [
            visible,
            h('label', { for: `${id}-visible` }, [title]),
            up,
            down,
            remove,
          ]),
          h('label', { for: `${id}-opacity`, class: 'field' }, [t('opacity'), opacity]),
          template ? '' : h('p', { class: 'muted' }, [t('noTiles')]),
          legend ? h('details', { open: true }, [h('summary', {}, [t('legend')]), legend]) : '',
        ]),
      );
    });
    return h('section', {}, [
      h('h2', {}, [t('layers')]),
      this.state.layers.length ? list : h('p', { class: 'muted' }, [t('noLayers')]),
    ]);
  }

  private move(from: number, to: number): void {
    const [layer] = this.state.layers.splice(from, 1);
    this.state.layers.splice(to, 0, layer);
    this.apply();
  }

  private renderTimeSlider(): HTMLElement | string {
    if (!this.timeItems.length) return '';
    const current = this.timeItem()!;
    const slider = h('input', {
      type: 'range',
      id: 'time-slider',
      min: 0,
      max: this.timeItems.length - 1,
      step: 1,
      value: this.state.timeIndex,
      'aria-valuetext': formatDate(current.properties.datetime ?? ''),
    });
    slider.addEventListener('input', () => {
      this.state.timeIndex = Number(slider.value);
      this.apply();
      document.getElementById('time-slider')?.focus();
    });
    const legend = renderLegend(current, tileTemplate(current));
    return h('section', { class: 'time' }, [
      h('h2', {}, [t('timeSlider')]),
      h('label', { for: 'time-slider', class: 'field' }, [
        h('span', { id: 'time-label' }, [
          `${(current.properties.title as string | undefined) ?? current.id} — ${formatDate(current.properties.datetime ?? '')}`,
        ]),
        slider,
      ]),
      legend ?? '',
    ]);
  }

  private renderSwipe(): HTMLElement | string {
    const candidates = this.state.layers.filter((l) => tileTemplate(this.items.get(l.key)!));
    if (candidates.length < 2) return '';
    const option = (key: string, selected: boolean): HTMLOptionElement =>
      h('option', { value: key, selected }, [
        (this.items.get(key)!.properties.title as string | undefined) ?? key,
      ]);
    const left = h('select', { id: 'swipe-left' }, [
      h('option', { value: '' }, [t('swipeOff')]),
      ...candidates.map((l) => option(l.key, this.state.swipe?.[0] === l.key)),
    ]);
    const right = h('select', { id: 'swipe-right' }, [
      h('option', { value: '' }, [t('swipeOff')]),
      ...candidates.map((l) => option(l.key, this.state.swipe?.[1] === l.key)),
    ]);
    const position = h('input', {
      type: 'range',
      id: 'swipe-position',
      min: 0.02,
      max: 0.98,
      step: 0.01,
      value: this.state.swipePosition,
    });
    const update = (): void => {
      this.state.swipe =
        left.value && right.value && left.value !== right.value ? [left.value, right.value] : undefined;
      this.state.swipePosition = Number(position.value);
      // Only the map and URL change: re-rendering the panel would reset a half-made choice of the pair.
      this.applySwipe();
    };
    left.addEventListener('change', update);
    right.addEventListener('change', update);
    position.addEventListener('input', () => {
      this.state.swipePosition = Number(position.value);
      this.applySwipe();
    });
    return h('section', { class: 'swipe' }, [
      h('h2', {}, [t('swipe')]),
      h('label', { for: 'swipe-left', class: 'field' }, [t('swipeLeft'), left]),
      h('label', { for: 'swipe-right', class: 'field' }, [t('swipeRight'), right]),
      h('label', { for: 'swipe-position', class: 'field' }, [t('swipePosition'), position]),
    ]);
  }
}
