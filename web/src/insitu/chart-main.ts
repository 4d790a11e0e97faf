/** Chart page entry point (`?station=STATION&variable=PROPERTY`): one variable of one station. */
import '../styles.css';
import './insitu.css';
import { initLanguage } from '../i18n/i18n.js';
import { StationPage } from './station-page.js';
import { getStation } from './insitu-client.js';

const params = new URLSearchParams(location.search);
initLanguage(params);
const stationId = params.get('station') ?? '';
// Without a variable, the chart shows the station's first one.
const variable =
  params.get('variable') ??
  (await getStation(stationId).then(
    (station) => station.datastreams[0]?.observedPropertyId,
    // The page itself reports an unknown station.
    () => undefined,
  ));
void new StationPage(document.getElementById('app')!, { stationId, variable }).start();
