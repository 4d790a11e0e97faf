/** Station map entry point. */
import 'ol/ol.css';
import '../styles.css';
import './insitu.css';
import { initLanguage } from '../i18n/i18n.js';
import { filtersFromUrl, StationsPage } from './stations-page.js';

const params = new URLSearchParams(location.search);
initLanguage(params);
void new StationsPage(document.getElementById('app')!, filtersFromUrl(params)).start();
