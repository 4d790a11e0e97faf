/**
 * The viewer's state in its URL: the layers (items as `collection/item`, bottom first), their opacity and
 * visibility, the time-slider collection and position, the swipe pair, the projection and the language.
 */
import { isLanguage } from '../i18n/i18n.js';
import type { Language } from '../i18n/messages.js';
import { isViewProjection, type ViewProjection } from './projections.js';

export interface LayerState {
  /** `collection/item` */
  key: string;
  opacity: number;
  visible: boolean;
}

export interface ViewerState {
  layers: LayerState[];
  /** A collection browsed with the time slider, and the index of the item shown. */
  timeCollection?: string;
  timeIndex: number;
  /** Keys of the two layers compared by swiping (left, right), and the split as a fraction of the width. */
  swipe?: [string, string];
  swipePosition: number;
  projection: ViewProjection;
  lang: Language;
}

const KEY = /^[^/]+\/[^/]+$/;

export function viewerStateFromUrl(params: URLSearchParams, fallbackLang: Language): ViewerState {
  const lang = params.get('lang');
  const opacities =
    params
      .get('opacity')
      ?.split(',')
      .map((v) => (v.trim() === '' ? NaN : Number(v))) ?? [];
  const hidden = new Set((params.get('hidden') ?? '').split(',').filter(Boolean));
  const keys = params.getAll('item').filter((k) => KEY.test(k));
  const swipe = params.get('swipe')?.split(',');
  const projection = params.get('proj');
  const position = Number(params.get('split'));
  const index = Number(params.get('t'));
  return {
    layers: keys.map((key, i) => ({
      key,
      opacity: Number.isFinite(opacities[i]) && opacities[i] >= 0 && opacities[i] <= 1 ? opacities[i] : 1,
      visible: !hidden.has(key),
    })),
    timeCollection: params.get('collection') ?? undefined,
    timeIndex: Number.isInteger(index) && index >= 0 ? index : 0,
    swipe: swipe?.length === 2 && swipe.every((k) => KEY.test(k)) ? [swipe[0], swipe[1]] : undefined,
    swipePosition: position > 0 && position < 1 ? position : 0.5,
    projection: isViewProjection(projection) ? projection : 'EPSG:3857',
    lang: isLanguage(lang) ? lang : fallbackLang,
  };
}

export function viewerStateToUrl(state: ViewerState): URLSearchParams {
  const params = new URLSearchParams();
  for (const layer of state.layers) params.append('item', layer.key);
  if (state.layers.some((l) => l.opacity !== 1))
    params.set('opacity', state.layers.map((l) => l.opacity).join(','));
  const hidden = state.layers.filter((l) => !l.visible).map((l) => l.key);
  if (hidden.length) params.set('hidden', hidden.join(','));
  if (state.timeCollection) {
    params.set('collection', state.timeCollection);
    params.set('t', String(state.timeIndex));
  }
  if (state.swipe) {
    params.set('swipe', state.swipe.join(','));
    params.set('split', String(Math.round(state.swipePosition * 1000) / 1000));
  }
  if (state.projection !== 'EPSG:3857') params.set('proj', state.projection);
  params.set('lang', state.lang);
  return params;
}
