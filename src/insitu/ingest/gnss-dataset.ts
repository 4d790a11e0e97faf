/**
 * Turns GNSS position files into an in-situ dataset: one station, and for each processing solution three
 * datastreams (East, North, Up displacements in metres, sigmas as uncertainties).
 */
import { InsituParseError } from '../insitu-errors.js';
import { cartesianToGeodetic } from '../gnss/geodetic-conversions.js';
import type { GnssSeries } from '../gnss/gnss-series.js';
import { parseJplSeries } from '../gnss/jpl-series-parser.js';
import { parseNglTenv3 } from '../gnss/ngl-tenv3-parser.js';
import { parsePboPos } from '../gnss/pbo-pos-parser.js';
import { parseSopacNeu } from '../gnss/sopac-neu-parser.js';
import { parseSpotginsEnu } from '../gnss/spotgins-enu-parser.js';
import {
  createObservationBatch,
  type Datastream,
  type InsituDataset,
  type ObservedProperty,
  type Station,
} from '../model/insitu-types.js';

/** The three displacement properties; QUDT's Displacement quantity kind is their vocabulary concept. */
export const GNSS_OBSERVED_PROPERTIES: readonly ObservedProperty[] = (['east', 'north', 'up'] as const).map(
  (c) => ({
    id: `gnss-${c}`,
    name: `${c[0].toUpperCase()}${c.slice(1)} displacement`,
    definition: 'http://qudt.org/vocab/quantitykind/Displacement',
    description: `GNSS station displacement along the local ${c} axis, from the solution's reference position`,
  }),
);

const METRE = { name: 'metre', symbol: 'm', definition: 'http://qudt.org/vocab/unit/M' };

/**
 * Parses a GNSS file, choosing the parser by extension: `.pos` (PBO), `.tenv3` (NGL), `.enu` (SPOTGINS),
 * `.neu` (SOPAC) and `.series` (JPL), these two taking the station id from the first four characters of
 * the file name.
 * @throws InsituParseError for an unknown extension or a malformed file.
 */
export function parseGnssFile(text: string, fileName: string): GnssSeries {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  if (base.endsWith('.pos')) return parsePboPos(text, fileName);
  if (base.endsWith('.tenv3')) return parseNglTenv3(text, fileName);
  if (base.endsWith('.enu')) return parseSpotginsEnu(text, fileName);
  if (base.endsWith('.neu')) return parseSopacNeu(text, fileName, base.slice(0, 4).toUpperCase());
  if (base.endsWith('.series')) return parseJplSeries(text, fileName, base.slice(0, 4).toUpperCase());
  throw new InsituParseError(fileName, 1, 1, 'a GNSS file named *.pos, *.tenv3, *.enu, *.neu or *.series');
}

/** One solution of a station: its name (e.g. `SPOTGINS`, `NGL`) and its series. */
export interface GnssSolution {
  readonly name: string;
  readonly series: GnssSeries;
}

/** Station metadata to use instead of (or when missing from) the files. */
export interface GnssStationOptions {
  readonly networkId: string;
  readonly stationId: string;
  readonly name?: string;
  readonly longitude?: number;
  readonly latitude?: number;
  readonly elevation?: number;
}

/**
 * Builds the dataset of one station with several solutions. Datastream ids are
 * `<station>-<solution>-<east|north|up>`. The location is taken from the options, else from the first
 * solution giving a geodetic or Cartesian reference position.
 * @throws InsituParseError (at line 1 of the first file) when no location can be found.
 */
export function gnssStationDataset(
  options: GnssStationOptions,
  solutions: readonly GnssSolution[],
): InsituDataset {
  const located = solutions.find((s) => s.series.referenceGeodetic ?? s.series.referencePosition);
  const reference =
    located?.series.referenceGeodetic ??
    (located?.series.referencePosition ? cartesianToGeodetic(located.series.referencePosition) : undefined);
  const longitude = options.longitude ?? reference?.longitude;
  const latitude = options.latitude ?? reference?.latitude;
  if (longitude === undefined || latitude === undefined) {
    throw new InsituParseError(
      solutions[0]?.name ?? options.stationId,
      1,
      1,
      'a reference position in the file or a station location in the options',
    );
  }
  const station: Station = {
    id: options.stationId,
    networkId: options.networkId,
    name: options.name ?? options.stationId,
    longitude,
    latitude,
    elevation: options.elevation ?? reference?.height,
  };
  const datastreams: Datastream[] = [];
  const observations: { datastreamId: string; batch: ReturnType<typeof createObservationBatch> }[] = [];
  for (const { name, series } of solutions) {
    for (const component of ['east', 'north', 'up'] as const) {
      const id = `${options.stationId}-${name}-${component}`;
      datastreams.push({
        id,
        stationId: options.stationId,
        name: `${options.stationId} ${component} (${name})`,
        observedPropertyId: `gnss-${component}`,
        unit: METRE,
        method: name,
        properties: {
          format: series.format,
          fileStation: series.station,
          referenceFrame: series.referenceFrame,
          referencePosition: series.referencePosition,
        },
      });
      const sigma =
        component === 'east' ? series.sigmaEast : component === 'north' ? series.sigmaNorth : series.sigmaUp;
      const batch = createObservationBatch(series.epochMs.length);
      for (let i = 0; i < series.epochMs.length; i++) batch.time[i] = Math.round(series.epochMs[i]);
      batch.value.set(series[component]);
      batch.uncertainty.set(sigma);
      observations.push({ datastreamId: id, batch });
    }
  }
  return { stations: [station], observedProperties: GNSS_OBSERVED_PROPERTIES, datastreams, observations };
}
