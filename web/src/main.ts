/** Portal entry point: reads the language and search state from the URL and starts the search page. */
import 'ol/ol.css';
import './styles.css';
import { initLanguage } from './i18n/i18n.js';
import { SearchPage } from './search/search-page.js';
import { searchStateFromUrl } from './search/search-state.js';

const params = new URLSearchParams(location.search);
const lang = initLanguage(params);
const root = document.getElementById('app')!;
const page = new SearchPage(root, searchStateFromUrl(params, lang));
void page.start();
