/**
 * toBandPlanes undoes horizontal differencing (Predictor 2) and splits interleaved samples: blocks encoded
 * with the writer's predictor come back as the original band planes, for every sample size and layout.
 */
import { describe, expect, it } from 'vitest';
import { toBandPlanes } from '../../../src/raster/cog/block-planes.js';
import { encodeHorizontalDifferencing } from '../../../src/raster/cog/tiff-predictor.js';

type Samples = Uint8Array | Uint16Array | Uint32Array;
const ARRAYS = { 1: Uint8Array, 2: Uint16Array, 4: Uint32Array } as const;

/** A pixel-interleaved block of pseudo-random samples (full range, so sums wrap) and its planes. */
function block(width: number, height: number, spp: number, bytesPerSample: 1 | 2 | 4) {
  const interleaved: Samples = new ARRAYS[bytesPerSample](width * height * spp);
  let seed = 99;
  for (let i = 0; i < interleaved.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    interleaved[i] = seed * (bytesPerSample === 4 ? 2 : 1);
  }
  const planes = Array.from({ length: spp }, (_, s) =>
    Array.from({ length: width * height }, (_, p) => interleaved[p * spp + s]),
  );
  return { interleaved, planes };
}

describe('toBandPlanes', () => {
  it.each([
    [1, 1],
    [3, 1],
    [4, 2],
    [1, 2],
    [3, 2],
    [4, 4],
    [2, 4],
  ] as const)('%i sample(s) of %i byte(s), differenced and not', (spp, bytesPerSample) => {
    const [width, height] = [37, 5];
    const { interleaved, planes } = block(width, height, spp, bytesPerSample);
    const bytes = new Uint8Array(interleaved.buffer.slice(0));
    const layout = { width, height, samplesPerPixel: spp, bytesPerSample, predictor: 1 };
    const plain = new ARRAYS[bytesPerSample](toBandPlanes(bytes, layout));
    encodeHorizontalDifferencing(bytes, width, height, spp, bytesPerSample);
    const undone = new ARRAYS[bytesPerSample](toBandPlanes(bytes, { ...layout, predictor: 2 }));
    for (let s = 0; s < spp; s++) {
      const plane = (array: Samples) =>
        Array.from(array.subarray(s * width * height, (s + 1) * width * height));
      expect(plane(plain)).toEqual(planes[s]);
      expect(plane(undone)).toEqual(planes[s]);
    }
  });

  it('reads from an offset view without changing it, and fills rows of a short last strip with 0', () => {
    const source = new Uint16Array([9, 1, 2, 3, 4]);
    const view = new Uint8Array(source.buffer, 2, 8);
    const planes = new Uint16Array(
      toBandPlanes(view, { width: 2, height: 3, samplesPerPixel: 1, bytesPerSample: 2, predictor: 2 }),
    );
    expect(Array.from(planes)).toEqual([1, 3, 3, 7, 0, 0]);
    expect(Array.from(source)).toEqual([9, 1, 2, 3, 4]);
  });
});
