/**
 * The search map: offline coastlines, the search area, and result footprints that highlight together with
 * the result list. Display choices (styles) live here; data comes from the search page.
 */
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import Feature from 'ol/Feature.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Polygon, { fromExtent } from 'ol/geom/Polygon.js';
import Draw, { createBox } from 'ol/interaction/Draw.js';
import { Fill, Stroke, Style } from 'ol/style.js';
import { transformExtent, fromLonLat } from 'ol/proj.js';
import { defaults as defaultControls, ScaleLine } from 'ol/control.js';
import type { StacItem } from '../api/stac-client.js';
import { COASTLINES } from './coastlines.js';

export type Bbox = [number, number, number, number];

export interface SearchMapEvents {
  onBoxDrawn(bbox: Bbox): void;
  onHover(itemKey: string | undefined): void;
  onSelect(itemKey: string): void;
}

const footprintStyle = new Style({
  stroke: new Stroke({ color: '#b3401a', width: 1.5 }),
  fill: new Fill({ color: 'rgba(179, 64, 26, 0.08)' }),
});
const highlightStyle = new Style({
  stroke: new Stroke({ color: '#0b5cad', width: 3 }),
  fill: new Fill({ color: 'rgba(11, 92, 173, 0.25)' }),
});
const boxStyle = new Style({
  stroke: new Stroke({ color: '#222', width: 2, lineDash: [6, 4] }),
  fill: new Fill({ color: 'rgba(0, 0, 0, 0.04)' }),
});
const landStyle = new Style({
  stroke: new Stroke({ color: '#6b7d5c', width: 1 }),
  fill: new Fill({ color: '#e6ead8' }),
});

/** Stable key of an item across the map and the list. */
export const itemKey = (item: StacItem): string => `${item.collection ?? ''}/${item.id}`;

export class SearchMap {
  readonly map: Map;
  private readonly footprints = new VectorSource();
  private readonly area = new VectorSource();
  private draw?: Draw;
  private highlighted?: Feature;

  constructor(
    target: HTMLElement,
    private readonly events: SearchMapEvents,
  ) {
    const land = new VectorSource({
      features: COASTLINES.map(({ ring }) => new Feature(new Polygon([ring.map((c) => fromLonLat(c))]))),
    });
    this.map = new Map({
      target,
      controls: defaultControls().extend([new ScaleLine()]),
      layers: [
        new VectorLayer({ source: land, style: landStyle }),
        new VectorLayer({ source: this.area, style: boxStyle }),
        new VectorLayer({ source: this.footprints, style: footprintStyle }),
      ],
      view: new View({ center: fromLonLat([55.53, -21.12]), zoom: 9 }),
    });
    this.map.on('pointermove', (event) => {
      if (event.dragging || this.draw) return;
      const feature = this.map.forEachFeatureAtPixel(event.pixel, (f) => f as Feature, {
        layerFilter: (layer) => layer.getSource() === this.footprints,
      });
      this.events.onHover(feature?.getId() as string | undefined);
    });
    this.map.on('click', (event) => {
      if (this.draw) return;
      const feature = this.map.forEachFeatureAtPixel(event.pixel, (f) => f as Feature, {
        layerFilter: (layer) => layer.getSource() === this.footprints,
      });
      const id = feature?.getId();
      if (typeof id === 'string') this.events.onSelect(id);
    });
  }

  setFootprints(items: StacItem[]): void {
    const format = new GeoJSON({ featureProjection: 'EPSG:3857' });
    this.footprints.clear();
    this.highlighted = undefined;
    for (const item of items) {
      if (!item.geometry) continue;
      const feature = format.readFeature({
        type: 'Feature',
        geometry: item.geometry,
        properties: {},
      }) as Feature;
      feature.setId(itemKey(item));
      this.footprints.addFeature(feature);
    }
  }

  highlight(key: string | undefined): void {
    this.highlighted?.setStyle(undefined);
    this.highlighted = key
      ? ((this.footprints.getFeatureById(key) as Feature | null) ?? undefined)
      : undefined;
    this.highlighted?.setStyle(highlightStyle);
  }

  showBox(bbox: Bbox | undefined): void {
    this.area.clear();
    if (bbox) this.area.addFeature(new Feature(fromExtent(transformExtent(bbox, 'EPSG:4326', 'EPSG:3857'))));
  }

  fitBox(bbox: Bbox): void {
    this.map.getView().fit(transformExtent(bbox, 'EPSG:4326', 'EPSG:3857'), {
      padding: [30, 30, 30, 30],
      maxZoom: 15,
      duration: 0,
    });
  }

  /** The visible extent in degrees, clamped to valid latitudes. */
  viewBox(): Bbox {
    const extent = transformExtent(this.map.getView().calculateExtent(), 'EPSG:3857', 'EPSG:4326');
    return [extent[0], Math.max(-90, extent[1]), extent[2], Math.min(90, extent[3])];
  }

  /** Lets the user drag a box once; the box is reported in degrees. */
  startBoxDrawing(): void {
    this.stopBoxDrawing();
    this.draw = new Draw({ source: this.area, type: 'Circle', geometryFunction: createBox() });
    this.draw.on('drawstart', () => this.area.clear());
    this.draw.on('drawend', (event) => {
      const extent = event.feature.getGeometry()!.getExtent();
      const [w, s, e, n] = transformExtent(extent, 'EPSG:3857', 'EPSG:4326');
      // Let OpenLayers finish adding the drawn feature before the page redraws the area from state.
      setTimeout(() => {
        this.stopBoxDrawing();
        this.events.onBoxDrawn([w, s, e, n]);
      });
    });
    this.map.addInteraction(this.draw);
  }

  stopBoxDrawing(): void {
    if (this.draw) this.map.removeInteraction(this.draw);
    this.draw = undefined;
  }
}
