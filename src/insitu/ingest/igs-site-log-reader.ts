/**
 * Equipment-change events from an IGS site log (https://files.igs.org/pub/station/general/sitelog_instr.txt):
 * every receiver (section 3) and antenna (section 4) installed after the first one is an equipment change,
 * dated by its `Date Installed`. Antenna changes are the ones expected to cause position steps.
 */
import { InsituParseError } from '../insitu-errors.js';
import type { StationEvent } from '../model/insitu-types.js';
import { splitLines } from '../parse/whitespace-fields.js';
import { parseTimestamp } from './timestamp-parser.js';

/**
 * Reads the equipment history of a site log as station events of kind `equipment-change`, with
 * `properties.equipment` (`receiver` or `antenna`), `type` and `serialNumber`. Template entries (`3.x`,
 * `4.x`) are ignored. `stationId` defaults to the log's Four Character ID.
 * @throws InsituParseError with line and column for an entry without a valid Date Installed.
 */
export function readIgsSiteLogEvents(text: string, file: string, stationId?: string): StationEvent[] {
  const lines = splitLines(text);
  const fourCharacterId = lines
    .map((l) => /^\s*Four Character ID\s*:\s*(\S+)/.exec(l)?.[1])
    .find((id) => id !== undefined);
  const station = stationId ?? fourCharacterId;
  if (station === undefined)
    throw new InsituParseError(file, 1, 1, "a 'Four Character ID' line or a station id");
  const installs: { equipment: 'receiver' | 'antenna'; type: string; serial?: string; time: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const entry = /^([34])\.(\d+)\s+(Receiver|Antenna) Type\s*:\s*(.*?)\s*$/.exec(lines[i]);
    if (entry === null) continue;
    let serial: string | undefined;
    let time: number | undefined;
    for (let j = i + 1; j < lines.length && !/^\S/.test(lines[j]); j++) {
      const field = /^\s+(Serial Number|Date Installed)\s*:\s*(.*?)\s*$/.exec(lines[j]);
      if (field?.[1] === 'Serial Number') serial = field[2];
      if (field?.[1] === 'Date Installed') {
        time = parseTimestamp(field[2]);
        if (time === undefined) {
          throw new InsituParseError(
            file,
            j + 1,
            lines[j].indexOf(':') + 3,
            'an installation date CCYY-MM-DDThh:mmZ',
            field[2],
          );
        }
      }
    }
    if (time === undefined)
      throw new InsituParseError(file, i + 1, 1, `a 'Date Installed' line for entry ${entry[1]}.${entry[2]}`);
    installs.push({
      equipment: entry[3] === 'Receiver' ? 'receiver' : 'antenna',
      type: entry[4].replace(/\s+/g, ' '),
      serial,
      time,
    });
  }
  const events: StationEvent[] = [];
  for (const equipment of ['receiver', 'antenna'] as const) {
    const history = installs.filter((x) => x.equipment === equipment).sort((a, b) => a.time - b.time);
    for (const install of history.slice(1)) {
      events.push({
        stationId: station,
        time: install.time,
        kind: 'equipment-change',
        description: `${equipment} ${install.type} installed`,
        properties: {
          equipment,
          type: install.type,
          ...(install.serial ? { serialNumber: install.serial } : {}),
        },
      });
    }
  }
  return events.sort((a, b) => a.time - b.time);
}
