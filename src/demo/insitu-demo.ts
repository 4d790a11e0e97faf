/**
 * The in-situ part of the La Réunion demo centre (labelled synthetic, deterministic): the GNSS network of
 * Piton de la Fournaise with two processing solutions per station, 2015–2025 daily positions with noise,
 * seasonal terms, equipment-change steps and inflation before eruptions (true velocities kept in the
 * metadata), and the ERORUN water chemistry of the Rivière des Pluies, weekly at the outlet and monthly
 * upstream, 2016-10-14 to 2019-01-26. Written to `<dataDir>/insitu.sqlite`; the networks point to the STAC
 * collections the catalogue contribution writes.
 */
import {
  createObservationBatch,
  type Datastream,
  type InsituDataset,
  type StationEvent,
} from '../insitu/model/insitu-types.js';
import { decimalYearsOf } from '../insitu/gnss/gnss-time.js';
import { gnssStationDataset, GNSS_OBSERVED_PROPERTIES } from '../insitu/ingest/gnss-dataset.js';
import { synthesizeGnssSeries, type SyntheticGnssTruth } from '../insitu/demo/synthetic-gnss-series.js';
import { openSqliteInsituStore } from '../insitu/store/sqlite/sqlite-insitu-store.js';
import { ERORUN_SITES, FOURNAISE_GNSS_STATIONS, type DemoStation } from './catalog/demo-places.js';
import { ERORUN_PERIOD, ERORUN_VARIABLES, GNSS_PERIOD } from './catalog/insitu-datasets-demo.js';
import { registerDemoContribution } from './demo-registry.js';
import type { SeededRandom } from './seeded-random.js';

const DAY = 86_400_000;
const SUMMIT = { lon: 55.7133, lat: -21.2444 };
/** Synthetic eruption epochs, modelled on the rhythm of the 2015–2025 eruptive history (not its dates). */
const ERUPTIONS = [
  '2015-05-17',
  '2015-08-24',
  '2016-05-26',
  '2017-01-31',
  '2017-07-14',
  '2018-04-03',
  '2018-09-15',
  '2019-02-18',
  '2019-08-11',
  '2020-02-10',
  '2020-12-07',
  '2021-04-09',
  '2022-09-19',
  '2023-07-02',
  '2025-02-14',
].map((date) => Date.parse(`${date}T06:00:00Z`));
const SOLUTIONS = [
  {
    name: 'GIPSYX',
    label: 'synthetic PPP solution in the manner of OVPF GipsyX',
    white: [0.0015, 0.0015, 0.005] as const,
  },
  {
    name: 'SPOTGINS',
    label: 'synthetic solution in the manner of FormaTerre SPOTGINS',
    white: [0.0018, 0.002, 0.0055] as const,
  },
];

/** Mogi-like radial displacement factors (horizontal, vertical) at a station for a source 2 km deep. */
function mogi(station: DemoStation): { east: number; north: number; up: number } {
  const x = (station.lon - SUMMIT.lon) * 111.32 * Math.cos((SUMMIT.lat * Math.PI) / 180);
  const y = (station.lat - SUMMIT.lat) * 110.57;
  const depth = 2;
  const scale = depth ** 3 / (depth * depth + x * x + y * y) ** 1.5;
  return { east: (x / depth) * scale, north: (y / depth) * scale, up: scale };
}

function gnssTruth(
  station: DemoStation,
  random: SeededRandom,
): { truth: SyntheticGnssTruth; events: StationEvent[] } {
  const flank = station.lon > 55.72 ? 0.006 : 0;
  const velocity = [
    0.0152 + flank + random.normal(0, 0.0008),
    0.0108 + random.normal(0, 0.0008),
    random.normal(0, 0.0015),
  ] as const;
  const seasonal = (horizontal: number, vertical: number) =>
    [0, 1].map(
      () => [random.normal(0, horizontal), random.normal(0, horizontal), random.normal(0, vertical)] as const,
    ) as [readonly [number, number, number], readonly [number, number, number]];
  const changes = Array.from({ length: random.integer(1, 2) }, () =>
    Math.round(Date.UTC(2016, 0, 1) + random.between(0, 8.5) * 365.25 * DAY),
  ).sort((a, b) => a - b);
  const factor = mogi(station);
  const ramps = ERUPTIONS.flatMap((eruption) => {
    const size = random.between(0.008, 0.025);
    const days = random.integer(30, 120);
    const inflation = [size * factor.east, size * factor.north, 1.4 * size * factor.up] as const;
    return [
      { start: eruption - days * DAY, end: eruption, offset: inflation },
      {
        start: eruption,
        end: eruption + DAY,
        offset: [-0.6 * inflation[0], -0.6 * inflation[1], -0.6 * inflation[2]] as const,
      },
    ];
  });
  const events: StationEvent[] = [
    ...changes.map((time) => ({
      stationId: station.code,
      time,
      kind: 'equipment-change',
      description: 'antenna or receiver change (synthetic)',
    })),
    ...ERUPTIONS.map((time) => ({
      stationId: station.code,
      time,
      kind: 'eruption',
      description: 'eruption onset (synthetic)',
    })),
  ];
  const truth: SyntheticGnssTruth = {
    velocity,
    annual: seasonal(0.0012, 0.004),
    semiAnnual: seasonal(0.0005, 0.0015),
    steps: changes.map((time) => ({
      time,
      offset: [random.normal(0, 0.003), random.normal(0, 0.003), random.normal(0, 0.008)] as const,
    })),
    ramps,
  };
  return { truth, events };
}

/** The dataset of one GNSS station: two solutions, events, truth in the metadata. */
export function generateGnssStation(station: DemoStation, random: SeededRandom): InsituDataset {
  const { truth, events } = gnssTruth(station, random.fork('truth'));
  const start = Date.parse(GNSS_PERIOD.start);
  const end = Date.parse(GNSS_PERIOD.end);
  const solutions = SOLUTIONS.map((solution) => {
    const noise = random.fork(solution.name);
    const outage = noise.integer(200, 3800);
    const outageLength = noise.integer(15, 60);
    const gaps = new Set(Array.from({ length: 80 }, () => noise.integer(0, 4017)));
    const series = synthesizeGnssSeries(
      truth,
      { white: solution.white, correlated: [0.001, 0.001, 0.003], correlation: 0.95 },
      start,
      end,
      () => noise.normal(),
      (day) => gaps.has(day) || (day >= outage && day < outage + outageLength),
    );
    return {
      name: solution.name,
      series: {
        ...series,
        station: station.code,
        format: 'synthetic' as const,
        decimalYear: decimalYearsOf(series.epochMs),
      },
    };
  });
  const dataset = gnssStationDataset(
    {
      networkId: 'ovpf-gnss',
      stationId: station.code,
      name: station.name,
      longitude: station.lon,
      latitude: station.lat,
      elevation: station.elevation,
    },
    solutions,
  );
  const trueVelocity = {
    east: truth.velocity[0],
    north: truth.velocity[1],
    up: truth.velocity[2],
    unit: 'm/yr',
  };
  return {
    ...dataset,
    stations: dataset.stations?.map((s) => ({
      ...s,
      properties: {
        synthetic: true,
        trueVelocity,
        stacItem: `gnss-piton-fournaise-${station.code.toLowerCase()}`,
      },
    })),
    datastreams: dataset.datastreams?.map((d): Datastream => {
      const component = d.observedPropertyId.replace('gnss-', '') as 'east' | 'north' | 'up';
      const solution = SOLUTIONS.find((s) => s.name === d.method);
      return {
        ...d,
        description: `${component} position of ${station.code}, ${solution?.label} (synthetic)`,
        properties: {
          synthetic: true,
          trueVelocity: trueVelocity[component],
          referenceFrame: 'ITRF2020 (synthetic)',
        },
      };
    }),
    events,
  };
}

/** Typical value, spread and wet-season dilution of each ERORUN variable at the outlet. */
const CHEMISTRY: Record<string, { base: number; spread: number; dilution: number; definition: string }> = {
  ph: { base: 7.7, spread: 0.15, dilution: 0.03, definition: 'http://qudt.org/vocab/unit/PH' },
  conductivity: {
    base: 155,
    spread: 12,
    dilution: 0.3,
    definition: 'http://qudt.org/vocab/unit/MicroS-PER-CentiM',
  },
  'water-temperature': {
    base: 22,
    spread: 0.8,
    dilution: -0.12,
    definition: 'http://qudt.org/vocab/unit/DEG_C',
  },
  alkalinity: {
    base: 1.25,
    spread: 0.1,
    dilution: 0.3,
    definition: 'http://qudt.org/vocab/unit/MilliEQ-PER-L',
  },
  calcium: { base: 12, spread: 1.2, dilution: 0.3, definition: 'http://qudt.org/vocab/unit/MilliGM-PER-L' },
  magnesium: {
    base: 7.5,
    spread: 0.8,
    dilution: 0.3,
    definition: 'http://qudt.org/vocab/unit/MilliGM-PER-L',
  },
  sodium: { base: 11, spread: 1, dilution: 0.25, definition: 'http://qudt.org/vocab/unit/MilliGM-PER-L' },
  potassium: {
    base: 1.6,
    spread: 0.2,
    dilution: 0.2,
    definition: 'http://qudt.org/vocab/unit/MilliGM-PER-L',
  },
  silica: { base: 26, spread: 2, dilution: 0.2, definition: 'http://qudt.org/vocab/unit/MilliGM-PER-L' },
  chloride: { base: 10, spread: 1, dilution: 0.2, definition: 'http://qudt.org/vocab/unit/MilliGM-PER-L' },
  sulfate: { base: 5, spread: 0.8, dilution: 0.25, definition: 'http://qudt.org/vocab/unit/MilliGM-PER-L' },
  'suspended-sediment': {
    base: 15,
    spread: 8,
    dilution: -3,
    definition: 'http://qudt.org/vocab/unit/MilliGM-PER-L',
  },
};

/** The ERORUN dataset: three sites, twelve variables, weekly samples at the outlet and monthly upstream. */
export function generateErorunChemistry(random: SeededRandom): InsituDataset {
  const start = Date.parse(ERORUN_PERIOD.start);
  const end = Date.parse(ERORUN_PERIOD.end);
  const datastreams: Datastream[] = [];
  const observations: NonNullable<InsituDataset['observations']>[number][] = [];
  ERORUN_SITES.forEach((site, s) => {
    const outlet = s === ERORUN_SITES.length - 1;
    const step = outlet ? 7 * DAY : 28 * DAY;
    const times: number[] = [];
    for (let t = start + 9 * 3600_000; t <= end; t += step) times.push(t + random.integer(-1, 1) * DAY);
    for (const variable of ERORUN_VARIABLES) {
      const c = CHEMISTRY[variable.id];
      const id = `${site.code}-${variable.id}`;
      datastreams.push({
        id,
        stationId: site.code,
        name: `${variable.en} – ${site.code}`,
        description: `${variable.fr} / ${variable.en} (synthetic)`,
        observedPropertyId: `erorun-${variable.id}`,
        unit: { name: variable.unit, symbol: variable.unit, definition: c.definition },
        method: outlet ? 'weekly grab sample' : 'monthly grab sample',
        properties: { synthetic: true },
      });
      const batch = createObservationBatch(times.length);
      const upstream = 1 - 0.15 * (ERORUN_SITES.length - 1 - s);
      times.forEach((time, i) => {
        const month = new Date(time).getUTCMonth();
        const wet = month <= 3 ? Math.sin(((month + 0.5) / 4) * Math.PI) : 0;
        const value =
          c.base *
          (variable.id === 'ph' || variable.id === 'water-temperature' ? 1 : upstream) *
          (1 - c.dilution * wet);
        batch.time[i] = time;
        batch.value[i] = Math.max(0, Number((value + random.normal(0, c.spread)).toFixed(3)));
        batch.uncertainty[i] = Number((c.spread / 4).toFixed(4));
        batch.quality[i] = random.next() < 0.03 ? 2 : 1;
      });
      observations.push({ datastreamId: id, batch });
    }
  });
  return {
    networks: [
      {
        id: 'erorun',
        name: 'ERORUN – Rivière des Pluies',
        collectionId: 'erorun-riviere-des-pluies',
        properties: { synthetic: true },
      },
    ],
    observedProperties: ERORUN_VARIABLES.map((v) => ({
      id: `erorun-${v.id}`,
      name: v.en,
      definition: `urn:fournaise:demo:variable:${v.id}`,
      description: v.fr,
    })),
    stations: ERORUN_SITES.map((site) => ({
      id: site.code,
      networkId: 'erorun',
      name: site.name,
      longitude: site.lon,
      latitude: site.lat,
      elevation: site.elevation,
      properties: { synthetic: true, stacItem: `erorun-riviere-des-pluies-${site.code.toLowerCase()}` },
    })),
    datastreams,
    observations,
  };
}

registerDemoContribution({
  id: 'insitu',
  title: 'in-situ series (GNSS network, ERORUN chemistry)',
  after: ['catalog'],
  async build(ctx) {
    const store = openSqliteInsituStore({ dataDir: ctx.dataDir });
    try {
      const total = FOURNAISE_GNSS_STATIONS.length + 1;
      await store.ingest({
        networks: [
          {
            id: 'ovpf-gnss',
            name: 'OVPF GNSS network (synthetic)',
            collectionId: 'gnss-piton-fournaise',
            properties: { synthetic: true },
          },
        ],
        observedProperties: GNSS_OBSERVED_PROPERTIES,
      });
      for (const [i, station] of FOURNAISE_GNSS_STATIONS.entries()) {
        ctx.signal?.throwIfAborted();
        await store.ingest(generateGnssStation(station, ctx.random.fork(`gnss-${station.code}`)));
        ctx.progress(i + 1, total, `GNSS ${station.code}`);
      }
      await store.ingest(generateErorunChemistry(ctx.random.fork('erorun')));
      ctx.progress(total, total, 'ERORUN');
    } finally {
      await store.close();
    }
  },
});
