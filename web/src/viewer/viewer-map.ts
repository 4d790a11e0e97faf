/**
 * The viewer's OpenLayers map: one tile layer per item (its `xyz` web-map link), footprints, projection
 * switching (Web Mercator or the local EPSG:2975, into which OpenLayers reprojects the tiles), and the swipe
 * comparison, which clips two layers to either side of a vertical split.
 */
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
import { transform, transformExtent } from 'ol/proj.js';
import { getRenderPixel } from 'ol/render.js';
import { defaults as defaultControls, ScaleLine } from 'ol/control.js';
import type RenderEvent from 'ol/render/Event.js';
import type { StacItem } from '../api/stac-client.js';
import { COASTLINES } from '../map/coastlines.js';
import type { ViewProjection } from './projections.js';

export interface MapLayer {
  key: string;
  item: StacItem;
  opacity: number;
  visible: boolean;
}

/** The XYZ template of an item, from its STAC web-map-links `xyz` link. */
export function tileTemplate(item: StacItem): string | undefined {
  return item.links.find((l) => l.rel === 'xyz')?.href;
}

export class ViewerMap {
  readonly map: Map;
  private readonly land = new VectorSource();
  private readonly footprints = new VectorSource();
  private readonly tiles = new globalThis.Map<string, TileLayer<XYZ>>();
  private swipe?: { left: string; right: string; position: number };

  constructor(
    target: HTMLElement,
    projection: ViewProjection,
    private readonly onTileError: (key: string) => void,
  ) {
    this.map = new Map({
      target,
      controls: defaultControls().extend([new ScaleLine()]),
      layers: [
        new VectorLayer({
          source: this.land,
          style: new Style({
            fill: new Fill({ color: '#e6ead8' }),
            stroke: new Stroke({ color: '#6b7d5c' }),
          }),
          zIndex: 0,
        }),
        new VectorLayer({
          source: this.footprints,
          style: new Style({ stroke: new Stroke({ color: '#b3401a', width: 1.5 }) }),
          zIndex: 1000,
        }),
      ],
    });
    this.setProjection(projection);
  }

  /** Switches the view projection, keeping the centre and approximate scale. */
  setProjection(projection: ViewProjection): void {
    const old = this.map.getView();
    const oldProjection = old.getProjection()?.getCode() ?? 'EPSG:3857';
    const centerLonLat = old.getCenter()
      ? transform(old.getCenter()!, oldProjection, 'EPSG:4326')
      : [55.53, -21.12];
    const resolution = old.getResolution() ?? 300;
    this.map.setView(
      new View({ projection, center: transform(centerLonLat, 'EPSG:4326', projection), resolution }),
    );
    this.land.clear();
    for (const { ring } of COASTLINES) {
      this.land.addFeature(
        new Feature(new Polygon([ring.map((c) => transform(c, 'EPSG:4326', projection))])),
      );
    }
    this.redrawFootprints();
  }

  private currentItems: StacItem[] = [];

  /** Creates, updates and orders tile layers to match `layers` (bottom first). */
  syncLayers(layers: MapLayer[]): void {
    const wanted = new Set(layers.map((l) => l.key));
    for (const [key, layer] of this.tiles) {
      if (!wanted.has(key)) {
        this.map.removeLayer(layer);
        this.tiles.delete(key);
      }
    }
    layers.forEach((layer, index) => {
      const template = tileTemplate(layer.item);
      if (!template) return;
      let tileLayer = this.tiles.get(layer.key);
      if (!tileLayer) {
        const source = new XYZ({ url: template, crossOrigin: 'anonymous' });
        source.on('tileloaderror', () => this.onTileError(layer.key));
        tileLayer = new TileLayer({ source });
        tileLayer.set('key', layer.key);
        this.tiles.set(layer.key, tileLayer);
        this.map.addLayer(tileLayer);
        this.attachSwipe(tileLayer);
      }
      tileLayer.setZIndex(10 + index);
      tileLayer.setOpacity(layer.opacity);
      tileLayer.setVisible(layer.visible);
    });
    this.currentItems = layers.map((l) => l.item);
    this.redrawFootprints();
    this.map.render();
  }

  private redrawFootprints(): void {
    const projection = this.map.getView().getProjection().getCode();
    const format = new GeoJSON({ featureProjection: projection });
    this.footprints.clear();
    for (const item of this.currentItems) {
      if (item.geometry) {
        this.footprints.addFeature(
          format.readFeature({ type: 'Feature', geometry: item.geometry, properties: {} }) as Feature,
        );
      }
    }
  }

  fitItems(items: StacItem[]): void {
    const boxes = items.map((i) => i.bbox).filter((b): b is number[] => Array.isArray(b) && b.length >= 4);
    if (boxes.length === 0) return;
    const extent = [
      Math.min(...boxes.map((b) => b[0])),
      Math.min(...boxes.map((b) => b[1])),
      Math.max(...boxes.map((b) => b[b.length === 6 ? 3 : 2])),
      Math.max(...boxes.map((b) => b[b.length === 6 ? 4 : 3])),
    ];
    const projection = this.map.getView().getProjection().getCode();
    this.map
      .getView()
      .fit(transformExtent(extent, 'EPSG:4326', projection), { padding: [30, 30, 30, 30], maxZoom: 18 });
  }

  /** Compares two layers side by side; `undefined` ends the comparison. */
  setSwipe(swipe: { left: string; right: string; position: number } | undefined): void {
    this.swipe = swipe;
    this.map.render();
  }

  private attachSwipe(layer: TileLayer<XYZ>): void {
    layer.on('prerender', (event: RenderEvent) => {
      const side =
        this.swipe &&
        (layer.get('key') === this.swipe.left
          ? 'left'
          : layer.get('key') === this.swipe.right
            ? 'right'
            : undefined);
      const context = event.context as CanvasRenderingContext2D | null;
      if (!side || !context || !this.swipe) return;
      const [width, height] = this.map.getSize() ?? [0, 0];
      const split = width * this.swipe.position;
      const [x0, x1] = side === 'left' ? [0, split] : [split, width];
      const corners = [
        getRenderPixel(event, [x0, 0]),
        getRenderPixel(event, [x1, 0]),
        getRenderPixel(event, [x1, height]),
        getRenderPixel(event, [x0, height]),
      ];
      context.save();
      context.beginPath();
      context.moveTo(corners[0][0], corners[0][1]);
      for (const corner of corners.slice(1)) context.lineTo(corner[0], corner[1]);
      context.closePath();
      context.clip();
    });
    layer.on('postrender', (event: RenderEvent) => {
      const context = event.context as CanvasRenderingContext2D | null;
      const key = layer.get('key');
      if (context && this.swipe && (key === this.swipe.left || key === this.swipe.right)) context.restore();
    });
  }

  /** Calls back with the clicked position in degrees (lon, lat). */
  onClick(callback: (lonLat: [number, number]) => void): void {
    this.map.on('singleclick', (event) => {
      const projection = this.map.getView().getProjection().getCode();
      const [lon, lat] = transform(event.coordinate, projection, 'EPSG:4326');
      callback([lon, lat]);
    });
  }
}
