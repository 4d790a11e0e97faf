/**
 * GNSS position series: file parsers, coordinate conversions and analysis (trajectory model, MIDAS).
 */
export * from './geodetic-conversions.js';
export * from './gnss-series.js';
export * from './gnss-time.js';
export { parsePboPos } from './pbo-pos-parser.js';
export { parseNglTenv3 } from './ngl-tenv3-parser.js';
export { parseSpotginsEnu } from './spotgins-enu-parser.js';
export { parseSopacNeu } from './sopac-neu-parser.js';
export { parseJplSeries } from './jpl-series-parser.js';
export * from './weighted-least-squares.js';
export * from './trajectory-model.js';
export * from './midas-velocity.js';
