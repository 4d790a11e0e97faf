/** Map viewer entry point. */
import 'ol/ol.css';
import '../styles.css';
import './viewer.css';
import { initLanguage } from '../i18n/i18n.js';
import { registerProjections } from './projections.js';
import { ViewerPage } from './viewer-page.js';
import { viewerStateFromUrl } from './viewer-state.js';

registerProjections();
const params = new URLSearchParams(location.search);
const lang = initLanguage(params);
const page = new ViewerPage(document.getElementById('viewer')!, viewerStateFromUrl(params, lang));
void page.start();
