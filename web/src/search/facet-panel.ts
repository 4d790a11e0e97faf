/**
 * Facet lists with live counts from the aggregation API; ticking a value narrows the search.
 */
import type { Aggregation } from '../api/stac-client.js';
import { h } from '../dom.js';
import { formatNumber, t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';
import type { Facet, SearchState } from './search-state.js';

/** Facet → aggregation name of the STAC aggregation extension, and its heading. */
export const FACET_AGGREGATIONS: Record<Facet, { aggregation: string; label: MessageKey }> = {
  collections: { aggregation: 'collection_frequency', label: 'facetCollections' },
  keywords: { aggregation: 'keywords_frequency', label: 'facetKeywords' },
  providers: { aggregation: 'providers_frequency', label: 'facetProviders' },
  platforms: { aggregation: 'platform_frequency', label: 'facetPlatforms' },
  instruments: { aggregation: 'instruments_frequency', label: 'facetInstruments' },
};

const MAX_VALUES = 12;

export function renderFacets(
  container: HTMLElement,
  state: SearchState,
  aggregations: Aggregation[],
  collectionTitles: Map<string, string>,
  onToggle: (facet: Facet, value: string, checked: boolean) => void,
): void {
  container.replaceChildren();
  for (const [facet, { aggregation, label }] of Object.entries(FACET_AGGREGATIONS) as [
    Facet,
    (typeof FACET_AGGREGATIONS)[Facet],
  ][]) {
    const buckets = aggregations.find((a) => a.name === aggregation)?.buckets ?? [];
    const selected = state.selected[facet];
    // Selected values stay visible even when the current search gives them no count.
    const values = new Map(buckets.slice(0, MAX_VALUES).map((b) => [b.key, b.frequency]));
    for (const value of selected) if (!values.has(value)) values.set(value, 0);
    const list = h('ul', { class: 'facet-values' });
    for (const [value, count] of values) {
      const id = `facet-${facet}-${value.replace(/[^\w-]/g, '_')}`;
      const box = h('input', { type: 'checkbox', id, checked: selected.includes(value) });
      box.addEventListener('change', () => onToggle(facet, value, box.checked));
      const text = facet === 'collections' ? (collectionTitles.get(value) ?? value) : value;
      list.append(
        h('li', {}, [
          box,
          h('label', { for: id }, [text, ' ', h('span', { class: 'count' }, [formatNumber(count)])]),
        ]),
      );
    }
    const group = h('fieldset', { class: 'facet', 'data-facet': facet }, [
      h('legend', {}, [t(label)]),
      values.size ? list : h('p', { class: 'muted' }, [t('facetEmpty')]),
    ]);
    container.append(group);
  }
}
