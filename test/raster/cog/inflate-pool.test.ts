/**
 * The inflate worker pool decodes DEFLATE blocks (with and without Predictor 2) to the same band planes as
 * the calling thread, reports corrupt blocks as RASTER_CORRUPT, keeps a process alive only while it works,
 * and falls back to the calling thread when it has no workers.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { toBandPlanes } from '../../../src/raster/cog/block-planes.js';
import { InflatePool } from '../../../src/raster/cog/inflate-pool.js';
import { encodeHorizontalDifferencing } from '../../../src/raster/cog/tiff-predictor.js';

const LAYOUT = { width: 64, height: 48, samplesPerPixel: 4, bytesPerSample: 2 };

function samples(): Uint16Array {
  const values = new Uint16Array(LAYOUT.width * LAYOUT.height * LAYOUT.samplesPerPixel);
  for (let i = 0; i < values.length; i++) values[i] = (i * 2654435761) % 65536;
  return values;
}

function compressed(predictor: 1 | 2): ArrayBuffer {
  const bytes = new Uint8Array(samples().buffer);
  if (predictor === 2) encodeHorizontalDifferencing(bytes, LAYOUT.width, LAYOUT.height, 4, 2);
  const deflated = deflateSync(bytes);
  return deflated.buffer.slice(deflated.byteOffset, deflated.byteOffset + deflated.byteLength);
}

describe('InflatePool', () => {
  const pool = new InflatePool({ size: 2 });
  const expected = new Uint16Array(
    toBandPlanes(new Uint8Array(samples().buffer), { ...LAYOUT, predictor: 1 }),
  );
  afterAll(() => pool.close());

  it.each([1, 2] as const)('decodes blocks with predictor %i on worker threads', async (predictor) => {
    const planes = await Promise.all(
      Array.from({ length: 4 }, () => pool.decode(compressed(predictor), { ...LAYOUT, predictor })),
    );
    for (const plane of planes) expect(new Uint16Array(plane)).toEqual(expected);
    expect(pool.readyWorkers).toBe(2);
  });

  it('rejects a block that does not inflate to a whole block with RASTER_CORRUPT', async () => {
    const short = deflateSync(new Uint8Array(100));
    await expect(
      pool.decode(short.buffer.slice(short.byteOffset, short.byteOffset + short.byteLength), {
        ...LAYOUT,
        predictor: 2,
      }),
    ).rejects.toMatchObject({ code: 'RASTER_CORRUPT' });
  });

  it('keeps a process alive while it decodes, and lets it exit once idle', () => {
    const script = [
      `import { InflatePool } from ${JSON.stringify(join(import.meta.dirname, '../../../src/raster/cog/inflate-pool.ts'))};`,
      `import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';`,
      `const d = deflateSync(new Uint16Array(${LAYOUT.width * LAYOUT.height * 4}));`,
      `const planes = await new InflatePool({ size: 2 }).decode(d.buffer.slice(d.byteOffset, d.byteOffset + d.byteLength), ${JSON.stringify({ ...LAYOUT, predictor: 1 })});`,
      `console.log('decoded', planes.byteLength);`,
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: join(import.meta.dirname, '../../..'),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stdout.trim()).toBe(`decoded ${LAYOUT.width * LAYOUT.height * 8}`);
    expect(run.status).toBe(0);
  });

  it('decodes on the calling thread when it has no workers', async () => {
    const here = new InflatePool({ size: 0 });
    const planes = await here.decode(compressed(2), { ...LAYOUT, predictor: 2 });
    expect(new Uint16Array(planes)).toEqual(expected);
    expect(here.readyWorkers).toBe(0);
  });
});
