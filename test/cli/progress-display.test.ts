import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatProgressLine, ProgressDisplay } from '../../src/cli/progress-display.js';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  const writable = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    { isTTY, columns: 200 },
  );
  return { writable, text: () => chunks.join('') };
}

describe('formatProgressLine', () => {
  it('shows a bar and percentage when the fraction is known, then count, rate and time', () => {
    expect(
      formatProgressLine({ label: 'ingest', done: 5000, fraction: 0.5, unit: 'items' }, 2000, true),
    ).toBe('ingest  [████████████░░░░░░░░░░░░]   50%  5,000 items  2,500 items/s  2.0 s');
  });

  it('leaves the bar out for plain lines and the percentage out when the total is unknown', () => {
    expect(
      formatProgressLine({ label: 'ingest', done: 12, unit: 'items', detail: '1 rejected' }, 4000, false),
    ).toBe('ingest  12 items  3 items/s  4.0 s  1 rejected');
  });
});

describe('ProgressDisplay', () => {
  it('on a terminal, redraws one line and prints logged messages above it', () => {
    const { writable, text } = stream(true);
    const display = new ProgressDisplay({ stream: writable });
    display.update({ label: 'ingest', done: 1, unit: 'items' });
    display.log('file.ndjson:3: invalid JSON');
    display.finish();
    const output = text();
    expect(output.startsWith('\r\x1b[Kingest  1 items')).toBe(true);
    expect(output).toContain('\r\x1b[Kfile.ndjson:3: invalid JSON\n\r\x1b[Kingest  1 items');
    expect(output.endsWith('\n')).toBe(true);
  });

  it('elsewhere, prints plain lines no more often than the interval, and nothing when quiet', () => {
    const { writable, text } = stream(false);
    const display = new ProgressDisplay({ stream: writable, plainIntervalSeconds: 3600 });
    for (let done = 1; done <= 100; done++) display.update({ label: 'ingest', done, unit: 'items' });
    expect(text().trim().split('\n')).toHaveLength(1);
    display.finish();
    expect(text().trim().split('\n')).toHaveLength(2);
    expect(text()).not.toContain('\x1b');
    const quiet = stream(false);
    const silent = new ProgressDisplay({ stream: quiet.writable, quiet: true });
    silent.update({ label: 'ingest', done: 1, unit: 'items' });
    silent.finish();
    expect(quiet.text()).toBe('');
  });
});
