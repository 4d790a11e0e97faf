/**
 * A lava flow as a thickness field: a lobe that leaves its vent along an azimuth, widens and thickens towards
 * its front and ends in a rounded snout; thickness is zero on the outline. The after-eruption DSM is the
 * before-eruption DSM plus this field. Pure functions of position (metres of a projected CRS).
 */

export interface LavaFlow {
  /** Projected position of the vent. */
  vent: [number, number];
  /** Direction of flow, degrees clockwise from north. */
  azimuth: number;
  /** Length from the vent to the front, metres. */
  length: number;
  /** Largest width, metres. */
  width: number;
  /** Thickness at the front's centre line, metres. */
  maxThickness: number;
}

function frame(flow: LavaFlow, x: number, y: number): { t: number; v: number } {
  const a = (flow.azimuth * Math.PI) / 180;
  const dx = x - flow.vent[0];
  const dy = y - flow.vent[1];
  return { t: (dx * Math.sin(a) + dy * Math.cos(a)) / flow.length, v: dx * Math.cos(a) - dy * Math.sin(a) };
}

/** Half-width at a fraction `t` (0 vent … 1 front) of the length. */
function halfWidth(flow: LavaFlow, t: number): number {
  if (t < 0 || t > 1) return 0;
  return (flow.width / 2) * (0.3 + 0.7 * t) * Math.sqrt(1 - t ** 6);
}

/** Flow thickness at a point, in metres (0 outside the flow). */
export function lavaThickness(flow: LavaFlow, x: number, y: number): number {
  const { t, v } = frame(flow, x, y);
  const half = halfWidth(flow, t);
  if (half <= 0 || Math.abs(v) >= half) return 0;
  return flow.maxThickness * (0.4 + 0.6 * t) * (1 - (v / half) ** 2);
}

/** The flow outline as a closed ring of projected positions (`steps` points per side). */
export function lavaFlowOutline(flow: LavaFlow, steps = 24): [number, number][] {
  const a = (flow.azimuth * Math.PI) / 180;
  const point = (t: number, v: number): [number, number] => [
    flow.vent[0] + t * flow.length * Math.sin(a) + v * Math.cos(a),
    flow.vent[1] + t * flow.length * Math.cos(a) - v * Math.sin(a),
  ];
  const ts = Array.from({ length: steps + 1 }, (_, i) => i / steps);
  const left = ts.map((t) => point(t, -halfWidth(flow, t)));
  const right = ts.map((t) => point(t, halfWidth(flow, t))).reverse();
  const ring = [...left, ...right];
  return [...ring, ring[0]];
}
