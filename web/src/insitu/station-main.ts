/** Station page entry point (`?id=STATION`). */
import '../styles.css';
import './insitu.css';
import { initLanguage } from '../i18n/i18n.js';
import { StationPage } from './station-page.js';

const params = new URLSearchParams(location.search);
initLanguage(params);
void new StationPage(document.getElementById('app')!, { stationId: params.get('id') ?? '' }).start();
