/**
 * Map preview of a server-rendered landing page: the footprint over the offline coastlines and, when the
 * item links to map tiles (`rel: xyz`), its imagery. Reads everything from the `#preview-map` data attributes.
 */
import 'ol/ol.css';
import './landing.css';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import Feature from 'ol/Feature.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import XYZ from 'ol/source/XYZ.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Polygon from 'ol/geom/Polygon.js';
import { Fill, Stroke, Style } from 'ol/style.js';
import { fromLonLat, transformExtent } from 'ol/proj.js';
import { COASTLINES } from '../map/coastlines.js';

const element = document.getElementById('preview-map');
if (element) {
  const geometry = JSON.parse(element.dataset.geometry ?? 'null') as GeoJSON.Geometry | null;
  const bbox = JSON.parse(element.dataset.bbox ?? 'null') as number[] | null;
  const tiles = element.dataset.tiles;
  const land = new VectorSource({
    features: COASTLINES.map(({ ring }) => new Feature(new Polygon([ring.map((c) => fromLonLat(c))]))),
  });
  const footprint = new VectorSource();
  if (geometry) {
    footprint.addFeature(
      new GeoJSON({ featureProjection: 'EPSG:3857' }).readFeature({
        type: 'Feature',
        geometry,
        properties: {},
      }) as Feature,
    );
  }
  const map = new Map({
    target: element,
    layers: [
      new VectorLayer({
        source: land,
        style: new Style({ fill: new Fill({ color: '#e6ead8' }), stroke: new Stroke({ color: '#6b7d5c' }) }),
      }),
      ...(tiles ? [new TileLayer({ source: new XYZ({ url: tiles, crossOrigin: 'anonymous' }) })] : []),
      new VectorLayer({
        source: footprint,
        style: new Style({ stroke: new Stroke({ color: '#b3401a', width: 2 }) }),
      }),
    ],
    view: new View({ center: fromLonLat([55.53, -21.12]), zoom: 9 }),
  });
  if (bbox && bbox.length >= 4) {
    const [w, s, e, n] = bbox.length === 6 ? [bbox[0], bbox[1], bbox[3], bbox[4]] : bbox;
    map.getView().fit(transformExtent([w, s, e, n], 'EPSG:4326', 'EPSG:3857'), {
      padding: [20, 20, 20, 20],
      maxZoom: 17,
    });
  }
}
