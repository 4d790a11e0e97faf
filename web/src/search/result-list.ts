/**
 * The result list: one card per item with title, dates, thumbnail, provider/dataset and a link to its page;
 * hovering a card highlights its footprint, and the reverse.
 */
import type { StacItem } from '../api/stac-client.js';
import { h } from '../dom.js';
import { formatDate, language, t } from '../i18n/i18n.js';
import { itemKey } from '../map/search-map.js';

export interface ResultListEvents {
  onHover(key: string | undefined): void;
}

function itemDates(item: StacItem): string {
  const p = item.properties;
  const start = (p.start_datetime as string | undefined) ?? p.datetime ?? undefined;
  const end = p.end_datetime as string | undefined;
  if (start && end && start.slice(0, 10) !== end.slice(0, 10))
    return `${formatDate(start)} – ${formatDate(end)}`;
  return start ? formatDate(start) : '';
}

function thumbnailOf(item: StacItem): string | undefined {
  const assets = Object.values(item.assets ?? {});
  return (
    assets.find((a) => a.roles?.includes('thumbnail'))?.href ??
    item.links.find((l) => l.rel === 'preview' && l.type?.startsWith('image/'))?.href
  );
}

/** The human page of an item when the API advertises one, else its JSON. */
export function landingHref(item: StacItem): string | undefined {
  return (
    item.links.find((l) => l.rel === 'alternate' && l.type === 'text/html')?.href ??
    item.links.find((l) => l.rel === 'self')?.href
  );
}

export function renderResults(
  list: HTMLElement,
  items: StacItem[],
  collectionTitles: Map<string, string>,
  events: ResultListEvents,
): void {
  list.replaceChildren();
  for (const item of items) {
    const key = itemKey(item);
    const thumbnail = thumbnailOf(item);
    const title = item.properties.title ?? item.id;
    const href = landingHref(item);
    const card = h('li', { class: 'result', 'data-key': key, tabindex: 0 }, [
      thumbnail
        ? h('img', { src: thumbnail, alt: '', loading: 'lazy', class: 'thumb' })
        : h('div', { class: 'thumb placeholder', 'aria-hidden': 'true' }, [t('noThumbnail')]),
      h('div', { class: 'result-text' }, [
        h('h3', {}, [href ? h('a', { href }, [title]) : title]),
        h('p', { class: 'dates' }, [itemDates(item)]),
        h('p', { class: 'dataset' }, [
          `${t('collection')} `,
          collectionTitles.get(item.collection ?? '') ?? item.collection ?? '',
        ]),
        h('a', { class: 'to-viewer', href: viewerHref([item]) }, [t('openViewer')]),
      ]),
    ]);
    card.addEventListener('mouseenter', () => events.onHover(key));
    card.addEventListener('mouseleave', () => events.onHover(undefined));
    card.addEventListener('focus', () => events.onHover(key));
    card.addEventListener('blur', () => events.onHover(undefined));
    list.append(card);
  }
}

export function highlightResult(list: HTMLElement, key: string | undefined): void {
  for (const card of list.querySelectorAll<HTMLElement>('.result')) {
    card.classList.toggle('highlighted', card.dataset.key === key);
  }
}

/** The map viewer showing these items as layers. */
export function viewerHref(items: StacItem[]): string {
  const params = new URLSearchParams();
  for (const item of items) params.append('item', `${item.collection ?? ''}/${item.id}`);
  params.set('lang', language());
  return `/viewer.html?${params}`;
}
