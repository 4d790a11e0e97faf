/**
 * Progress on stderr: a redrawn bar with a rate on a terminal, a plain line every few seconds otherwise
 * (logs, CI, pipes), so that long ingests and demo builds show they are alive without flooding a log.
 */

export interface ProgressState {
  /** What is being done, e.g. "ingest" or "demo: catalogue". */
  label: string;
  /** Units done so far (items, files, ...). */
  done: number;
  /** Fraction completed in [0, 1] when known (e.g. from bytes read). */
  fraction?: number;
  /** Unit name, plural: "items". */
  unit: string;
  /** Extra text, e.g. "3 rejected". */
  detail?: string;
}

export interface ProgressDisplayOptions {
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Seconds between plain lines when the stream is not a terminal; 0 prints on every update. Default 5. */
  plainIntervalSeconds?: number;
  /** No output at all. */
  quiet?: boolean;
}

const REDRAW_MS = 100;
const BAR_WIDTH = 24;

/** Draws progress; `log` prints a message without garbling the bar; `finish` leaves the last state visible. */
export class ProgressDisplay {
  private readonly started = performance.now();
  private lastDraw = -Infinity;
  private last?: ProgressState;
  private drawn = false;
  private readonly isTty: boolean;
  private readonly intervalMs: number;

  constructor(private readonly options: ProgressDisplayOptions) {
    this.isTty = options.stream.isTTY === true;
    this.intervalMs = (options.plainIntervalSeconds ?? 5) * 1000;
  }

  update(state: ProgressState): void {
    this.last = state;
    if (this.options.quiet) return;
    const now = performance.now();
    if (now - this.lastDraw < (this.isTty ? REDRAW_MS : this.intervalMs)) return;
    this.lastDraw = now;
    this.draw(state);
  }

  /** Prints a line of text (e.g. a problem) above the bar. */
  log(text: string): void {
    if (this.drawn && this.isTty) this.options.stream.write('\r\x1b[K');
    this.options.stream.write(`${text}\n`);
    this.drawn = false;
    if (this.isTty && this.last && !this.options.quiet) this.draw(this.last);
  }

  /** Draws the final state and ends the line. */
  finish(): void {
    if (this.options.quiet || !this.last) return;
    this.draw(this.last);
    if (this.isTty) this.options.stream.write('\n');
    this.drawn = false;
  }

  private draw(state: ProgressState): void {
    const line = formatProgressLine(state, performance.now() - this.started, this.isTty);
    if (this.isTty) {
      const width = this.options.stream.columns ?? 120;
      this.options.stream.write(`\r\x1b[K${line.slice(0, width - 1)}`);
      this.drawn = true;
    } else {
      this.options.stream.write(`${line}\n`);
    }
  }
}

/** One progress line: label, bar and percentage when the fraction is known, count, rate, detail. */
export function formatProgressLine(state: ProgressState, elapsedMs: number, withBar: boolean): string {
  const parts = [state.label];
  if (state.fraction !== undefined) {
    const fraction = Math.min(1, Math.max(0, state.fraction));
    const filled = Math.round(fraction * BAR_WIDTH);
    if (withBar) parts.push(`[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}]`);
    parts.push(`${(fraction * 100).toFixed(0).padStart(3)}%`);
  }
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? state.done / seconds : 0;
  parts.push(`${state.done.toLocaleString('en-US')} ${state.unit}`);
  parts.push(`${Math.round(rate).toLocaleString('en-US')} ${state.unit}/s`);
  parts.push(`${seconds.toFixed(1)} s`);
  if (state.detail) parts.push(state.detail);
  return parts.join('  ');
}
