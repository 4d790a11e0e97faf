/**
 * What the bands of a STAC asset are: names, and the scale and offset that turn stored numbers into physical
 * values, from STAC 1.1 `bands` (`raster:scale`, `eo:common_name`) or STAC 1.0 `eo:bands` + `raster:bands`.
 * See https://github.com/stac-extensions/raster and https://github.com/stac-extensions/eo
 */

export interface BandMetadata {
  name?: string;
  commonName?: string;
  /** Physical value = stored value × scale + offset (1 and 0 when the asset does not say). */
  scale: number;
  offset: number;
}

type Entry = Record<string, unknown>;

const entries = (value: unknown): Entry[] =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'object' && v !== null ? (v as Entry) : {})) : [];
const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const number = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

/** The bands of an asset, by index; empty when the asset describes none. */
export function assetBands(asset: Entry): BandMetadata[] {
  const bands = entries(asset.bands);
  const eo = entries(asset['eo:bands']);
  const raster = entries(asset['raster:bands']);
  return Array.from({ length: Math.max(bands.length, eo.length, raster.length) }, (_, i) => {
    const band = bands[i] ?? {};
    return {
      name: text(band.name) ?? text(eo[i]?.name),
      commonName: text(band['eo:common_name']) ?? text(eo[i]?.common_name),
      scale: number(band['raster:scale'] ?? raster[i]?.scale, 1),
      offset: number(band['raster:offset'] ?? raster[i]?.offset, 0),
    };
  });
}

/** A band's label: its name (and common name, e.g. `B4 (red)`), else its number. */
export function bandLabel(band: BandMetadata | undefined, index: number): string {
  const name = band?.name ?? `b${index + 1}`;
  return band?.commonName && band.commonName !== name ? `${name} (${band.commonName})` : name;
}
