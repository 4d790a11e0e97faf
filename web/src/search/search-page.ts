/**
 * The search page: form, map, facets and results, all driven by one SearchState that is mirrored in the URL.
 * Each change runs one item search and one aggregation in parallel; a newer search aborts the older one.
 */
import {
  aggregate,
  listCollections,
  searchItems,
  StacApiError,
  type ItemSearchResult,
} from '../api/stac-client.js';
import { h } from '../dom.js';
import { formatNumber, setLanguage, t } from '../i18n/i18n.js';
import { LANGUAGES, type Language } from '../i18n/messages.js';
import { SearchMap, type Bbox } from '../map/search-map.js';
import { findPlaces } from '../places/places.js';
import { FACET_AGGREGATIONS, renderFacets } from './facet-panel.js';
import { highlightResult, renderResults, viewerHref } from './result-list.js';
import { searchStateFromUrl, searchStateToUrl, type Facet, type SearchState } from './search-state.js';
import { toSearchBody } from './stac-query.js';

export class SearchPage {
  private state: SearchState;
  private readonly map: SearchMap;
  private readonly mapElement: HTMLElement;
  private readonly facets = h('div', { class: 'facets', 'aria-live': 'polite' });
  private readonly results = h('ol', { class: 'results', id: 'results' });
  private readonly status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  private readonly paging = h('nav', { class: 'paging', 'aria-label': 'pagination' });
  private collectionTitles = new Map<string, string>();
  private titlesLoaded: Promise<void> = Promise.resolve();
  private controller?: AbortController;
  /** Tokens of the pages before the current one, for "previous" when the server gives no prev link. */
  private previousTokens: (string | undefined)[] = [];

  constructor(
    private readonly root: HTMLElement,
    initial: SearchState,
  ) {
    this.state = initial;
    this.mapElement = h('div', { class: 'map', id: 'map', role: 'region', 'aria-label': t('map') });
    this.root.replaceChildren(this.renderShell(this.mapElement));
    this.map = new SearchMap(this.mapElement, {
      onBoxDrawn: (bbox) => this.update({ bbox }),
      onHover: (key) => {
        this.map.highlight(key);
        highlightResult(this.results, key);
      },
      onSelect: (key) => this.results.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus(),
    });
    window.addEventListener('popstate', () => {
      this.state = searchStateFromUrl(new URLSearchParams(location.search), this.state.lang);
      this.rebuild();
    });
  }

  async start(): Promise<void> {
    if (this.state.bbox) this.map.fitBox(this.state.bbox);
    // Collection titles load alongside the first search rather than before it.
    this.titlesLoaded = listCollections().then(
      (collections) => {
        this.collectionTitles = new Map(collections.map((c) => [c.id, c.title ?? c.id]));
      },
      // Titles are a nicety: ids are shown if the collection list cannot be read.
      () => undefined,
    );
    await this.run();
  }

  /** Applies a change, goes back to the first page, records the state in the URL and searches. */
  private update(change: Partial<SearchState>, keepPage = false): void {
    this.state = { ...this.state, ...change };
    if (!keepPage) {
      this.state.token = undefined;
      this.state.page = 1;
      this.previousTokens = [];
    }
    history.pushState(null, '', `?${searchStateToUrl(this.state)}`);
    void this.run();
  }

  private rebuild(): void {
    this.mapElement.setAttribute('aria-label', t('map'));
    this.root.replaceChildren(this.renderShell(this.mapElement));
    this.map.map.updateSize();
    void this.run();
  }

  private async run(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.map.showBox(this.state.bbox);
    this.status.replaceChildren(h('p', { class: 'loading' }, [t('loading')]));
    this.root.classList.add('busy');
    const body = toSearchBody(this.state);
    const { token: _token, sortby: _sortby, limit: _limit, ...aggregationBody } = body;
    // total_count gives the exact number of results when the search response leaves numberMatched out
    // (the store only counts within a small time budget on large catalogues).
    const aggregations = [...Object.values(FACET_AGGREGATIONS).map((f) => f.aggregation), 'total_count'];
    try {
      const [page, facets] = await Promise.all([
        searchItems(body, controller.signal),
        aggregate(aggregationBody, aggregations, controller.signal).catch(() => []),
        this.titlesLoaded,
      ]);
      if (controller.signal.aborted) return;
      const total = facets.find((a) => a.name === 'total_count')?.value;
      this.showPage(page, typeof total === 'number' ? total : undefined);
      renderFacets(this.facets, this.state, facets, this.collectionTitles, (facet, value, checked) =>
        this.toggleFacet(facet, value, checked),
      );
    } catch (error) {
      if (controller.signal.aborted) return;
      this.showError(error);
    } finally {
      if (this.controller === controller) this.root.classList.remove('busy');
    }
  }

  private showPage(page: ItemSearchResult, total?: number): void {
    const count = page.numberMatched ?? total ?? page.features.length;
    const countText = count === 1 ? t('resultCountOne') : t('resultCount', { count: formatNumber(count) });
    this.status.replaceChildren(
      page.features.length === 0
        ? h('p', { class: 'empty' }, [t('noResults')])
        : h('p', { class: 'count' }, [countText]),
    );
    renderResults(this.results, page.features, this.collectionTitles, {
      onHover: (key) => {
        this.map.highlight(key);
        highlightResult(this.results, key);
      },
    });
    this.map.setFootprints(page.features);
    if (page.features.length) {
      this.status.append(h('a', { class: 'to-viewer', href: viewerHref(page.features) }, [t('openViewer')]));
    }
    this.renderPaging(page);
  }

  private showError(error: unknown): void {
    const message = error instanceof StacApiError ? `${error.message} (${error.code})` : String(error);
    const retry = h('button', { type: 'button' }, [t('retry')]);
    retry.addEventListener('click', () => void this.run());
    this.status.replaceChildren(
      h('div', { class: 'error', role: 'alert' }, [
        h('strong', {}, [t('errorTitle')]),
        h('p', {}, [t('errorHint', { message })]),
        retry,
      ]),
    );
    this.results.replaceChildren();
    this.paging.replaceChildren();
    this.map.setFootprints([]);
  }

  private renderPaging(page: ItemSearchResult): void {
    const nextToken = tokenOf(page.links.find((l) => l.rel === 'next'));
    const prev = h('button', { type: 'button', disabled: this.state.page <= 1 }, [t('previous')]);
    const next = h('button', { type: 'button', disabled: !nextToken }, [t('next')]);
    prev.addEventListener('click', () => {
      const token = this.previousTokens.pop();
      this.update({ token, page: this.state.page - 1 }, true);
    });
    next.addEventListener('click', () => {
      this.previousTokens.push(this.state.token);
      this.update({ token: nextToken, page: this.state.page + 1 }, true);
    });
    this.paging.replaceChildren(prev, h('span', {}, [t('page', { page: this.state.page })]), next);
  }

  private toggleFacet(facet: Facet, value: string, checked: boolean): void {
    const values = this.state.selected[facet].filter((v) => v !== value);
    if (checked) values.push(value);
    this.update({ selected: { ...this.state.selected, [facet]: values } });
  }

  private renderShell(mapElement: HTMLElement): HTMLElement {
    return h('div', { class: 'search-page' }, [
      this.renderHeader(),
      h('main', { class: 'layout' }, [
        h('aside', { class: 'sidebar', 'aria-label': t('searchHeading') }, [
          this.renderForm(),
          h('h2', {}, [t('facets')]),
          this.facets,
        ]),
        h('section', { class: 'content' }, [
          mapElement,
          h('section', { class: 'result-section', 'aria-labelledby': 'results-heading' }, [
            h('div', { class: 'result-head' }, [
              h('h2', { id: 'results-heading' }, [t('results')]),
              this.renderSort(),
            ]),
            this.status,
            this.results,
            this.paging,
          ]),
        ]),
      ]),
    ]);
  }

  private renderHeader(): HTMLElement {
    const select = h('select', { id: 'language', 'aria-label': t('language') });
    for (const lang of LANGUAGES) {
      select.append(
        h('option', { value: lang, selected: lang === this.state.lang }, [
          lang === 'fr' ? 'Français' : 'English',
        ]),
      );
    }
    select.addEventListener('change', () => {
      const lang = select.value as Language;
      setLanguage(lang);
      this.state = { ...this.state, lang };
      history.replaceState(null, '', `?${searchStateToUrl(this.state)}`);
      this.rebuild();
    });
    return h('header', { class: 'top' }, [
      h('a', { href: '#results', class: 'skip' }, [t('skipToResults')]),
      h('div', {}, [
        h('h1', {}, [t('appTitle')]),
        h('p', { class: 'subtitle' }, [t('appSubtitle'), ' · ', t('synthetic')]),
      ]),
      h('nav', { class: 'site-links' }, [
        h('a', { href: `/stations.html?lang=${this.state.lang}` }, [t('stationsLink')]),
      ]),
      h('label', { for: 'language', class: 'lang' }, [t('language'), ' ', select]),
    ]);
  }

  private renderForm(): HTMLElement {
    const q = h('input', {
      id: 'q',
      type: 'search',
      value: this.state.q,
      placeholder: t('keywordsPlaceholder'),
    });
    const from = h('input', { id: 'from', type: 'date', value: this.state.from ?? '' });
    const to = h('input', { id: 'to', type: 'date', value: this.state.to ?? '' });
    const place = h('input', {
      id: 'place',
      type: 'search',
      placeholder: t('placePlaceholder'),
      autocomplete: 'off',
    });
    const placeHint = h('p', { class: 'muted', 'aria-live': 'polite' });
    const form = h('form', { class: 'search-form', role: 'search' }, [
      h('h2', {}, [t('searchHeading')]),
      h('label', { for: 'q' }, [t('keywords')]),
      q,
      h('label', { for: 'place' }, [t('place')]),
      place,
      placeHint,
      h('fieldset', {}, [
        h('legend', {}, [t('period')]),
        h('label', { for: 'from' }, [t('from')]),
        from,
        h('label', { for: 'to' }, [t('to')]),
        to,
        this.renderQuickRanges(),
      ]),
      this.renderAreaControls(),
      h('div', { class: 'actions' }, [
        h('button', { type: 'submit', class: 'primary' }, [t('search')]),
        h('button', { type: 'reset' }, [t('reset')]),
      ]),
    ]);
    place.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      const [match] = findPlaces(place.value);
      if (!match) {
        placeHint.textContent = t('placeNotFound');
        return;
      }
      placeHint.textContent = match.name;
      this.map.fitBox(match.bbox);
      this.update({ bbox: match.bbox });
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.update({ q: q.value, from: from.value || undefined, to: to.value || undefined });
    });
    form.addEventListener('reset', (event) => {
      event.preventDefault();
      this.update({
        q: '',
        bbox: undefined,
        from: undefined,
        to: undefined,
        selected: { collections: [], keywords: [], providers: [], platforms: [], instruments: [] },
      });
      this.rebuild();
    });
    return form;
  }

  private renderQuickRanges(): HTMLElement {
    const today = new Date();
    const iso = (d: Date): string => d.toISOString().slice(0, 10);
    const yearsAgo = (n: number): string =>
      iso(new Date(Date.UTC(today.getUTCFullYear() - n, today.getUTCMonth(), today.getUTCDate())));
    const ranges: [string, string | undefined, string | undefined][] = [
      [t('lastYear'), yearsAgo(1), iso(today)],
      [t('last5Years'), yearsAgo(5), iso(today)],
      [t('allTime'), undefined, undefined],
    ];
    return h(
      'div',
      { class: 'quick-ranges', role: 'group', 'aria-label': t('quickRanges') },
      ranges.map(([label, from, to]) => {
        const button = h('button', { type: 'button' }, [label]);
        button.addEventListener('click', () => {
          this.update({ from, to });
          this.rebuild();
        });
        return button;
      }),
    );
  }

  private renderAreaControls(): HTMLElement {
    const draw = h('button', { type: 'button', id: 'draw-box' }, [t('drawBox')]);
    const view = h('button', { type: 'button' }, [t('useMapView')]);
    const clear = h('button', { type: 'button', disabled: !this.state.bbox }, [t('clearBox')]);
    const hint = h('p', { class: 'muted', 'aria-live': 'polite' }, [
      this.state.bbox ? this.state.bbox.map((v) => v.toFixed(3)).join(', ') : t('noArea'),
    ]);
    draw.addEventListener('click', () => {
      hint.textContent = t('drawingHint');
      this.map.startBoxDrawing();
    });
    view.addEventListener('click', () => this.update({ bbox: this.map.viewBox() as Bbox }));
    clear.addEventListener('click', () => {
      this.update({ bbox: undefined });
      this.rebuild();
    });
    return h('fieldset', {}, [
      h('legend', {}, [t('area')]),
      h('div', { class: 'area-buttons' }, [draw, view, clear]),
      hint,
    ]);
  }

  private renderSort(): HTMLElement {
    const select = h('select', { id: 'sort' });
    const options: [SearchState['sort'], string][] = [
      ['relevance', t('sortRelevance')],
      ['date-desc', t('sortDateDesc')],
      ['date-asc', t('sortDateAsc')],
    ];
    for (const [value, label] of options)
      select.append(h('option', { value, selected: value === this.state.sort }, [label]));
    select.addEventListener('change', () => this.update({ sort: select.value as SearchState['sort'] }));
    return h('label', { for: 'sort', class: 'sort' }, [t('sortBy'), ' ', select]);
  }
}

/** The paging token carried by a STAC `next`/`prev` link, in its query string or POST body. */
function tokenOf(link: { href: string; body?: Record<string, unknown> } | undefined): string | undefined {
  if (!link) return undefined;
  if (typeof link.body?.token === 'string') return link.body.token;
  return new URL(link.href, location.href).searchParams.get('token') ?? undefined;
}
