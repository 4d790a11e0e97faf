/** A small in-situ dataset: one network, two stations, two GNSS solutions and a chemistry series. */
import {
  createObservationBatch,
  type InsituDataset,
  type ObservationBatch,
} from '../../../src/insitu/model/insitu-types.js';

export const DAY = 86_400_000;
export const T0 = Date.UTC(2020, 0, 1, 12);

/** `n` daily observations from T0 with value = start + i·step, uncertainty 0.001, quality 1. */
export function dailyBatch(n: number, start: number, step: number, firstDay = 0): ObservationBatch {
  const batch = createObservationBatch(n);
  for (let i = 0; i < n; i++) {
    batch.time[i] = T0 + (firstDay + i) * DAY;
    batch.value[i] = start + i * step;
    batch.uncertainty[i] = 0.001;
    batch.quality[i] = 1;
  }
  return batch;
}

export function fixtureDataset(): InsituDataset {
  return {
    networks: [
      { id: 'ovpf-gnss', name: 'OVPF GNSS network' },
      { id: 'erorun', name: 'ERORUN' },
    ],
    stations: [
      {
        id: 'BOMG',
        networkId: 'ovpf-gnss',
        name: 'Bory',
        longitude: 55.7114,
        latitude: -21.2448,
        elevation: 2569,
      },
      { id: 'RPL1', networkId: 'erorun', name: 'Rivière des Pluies', longitude: 55.48, latitude: -20.9 },
    ],
    events: [
      { stationId: 'BOMG', time: T0 + 100 * DAY, kind: 'equipment-change', description: 'antenna replaced' },
      { stationId: 'BOMG', time: T0 + 50 * DAY, kind: 'eruption' },
    ],
    observedProperties: [
      {
        id: 'gnss-east',
        name: 'East displacement',
        definition: 'http://vocab.nerc.ac.uk/collection/P01/current/EASTDISP/',
      },
      {
        id: 'alkalinity',
        name: 'Alkalinity',
        definition: 'http://vocab.nerc.ac.uk/collection/P01/current/ALKYZZXX/',
      },
    ],
    sensors: [{ id: 'leica-gr50', name: 'Leica GR50', encodingType: 'text/html' }],
    datastreams: [
      {
        id: 'BOMG-east-A',
        stationId: 'BOMG',
        name: 'BOMG east, solution A',
        observedPropertyId: 'gnss-east',
        unit: { name: 'metre', symbol: 'm', definition: 'http://qudt.org/vocab/unit/M' },
        method: 'solution-A',
        sensorId: 'leica-gr50',
      },
      {
        id: 'BOMG-east-B',
        stationId: 'BOMG',
        name: 'BOMG east, solution B',
        observedPropertyId: 'gnss-east',
        unit: { name: 'metre', symbol: 'm', definition: 'http://qudt.org/vocab/unit/M' },
        method: 'solution-B',
      },
      {
        id: 'RPL1-alk',
        stationId: 'RPL1',
        name: 'Alkalinity',
        observedPropertyId: 'alkalinity',
        unit: {
          name: 'microequivalent per litre',
          symbol: 'µeq/L',
          definition: 'http://qudt.org/vocab/unit/MicroEQ-PER-L',
        },
      },
    ],
    observations: [
      { datastreamId: 'BOMG-east-A', batch: dailyBatch(400, 0, 0.0001) },
      { datastreamId: 'BOMG-east-B', batch: dailyBatch(300, 0.01, 0.0001) },
      { datastreamId: 'RPL1-alk', batch: dailyBatch(20, 500, 10) },
    ],
  };
}
