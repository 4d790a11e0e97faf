/**
 * How fast numberMatched counts of R*Tree-driven searches read their candidates on this machine, so that a
 * count which cannot finish within its budget is not started: such a count reads each candidate and tests
 * its geometry, and one over a few thousand candidates used to spend the whole budget (2 ms, a third of
 * the search) only to leave numberMatched out. The speed is learnt from the counts that run, so the
 * decision follows the machine and its load.
 */
const PROBE_EVERY = 16;

export class CountSpeed {
  /** Candidates read per millisecond, smoothed over the recent counts; undefined before the first. */
  private rowsPerMs: number | undefined;
  /** Counts skipped since the last one that ran anyway to measure the speed again. */
  private skipped = 0;

  /** Notes a count that read `rows` candidates in `elapsedMs`. */
  record(rows: number, elapsedMs: number): void {
    if (rows < 50 || elapsedMs <= 0) return;
    const speed = rows / elapsedMs;
    this.rowsPerMs = this.rowsPerMs === undefined ? speed : 0.8 * this.rowsPerMs + 0.2 * speed;
  }

  /**
   * Whether reading `rows` candidates would clearly overrun the budget (by more than twice). One such count
   * in {@link PROBE_EVERY} runs all the same, so that a speed measured while the machine was busy does not
   * keep counts off once it is quiet again.
   */
  isHopeless(rows: number, budgetMs: number): boolean {
    if (this.rowsPerMs === undefined || rows <= 2 * this.rowsPerMs * budgetMs) return false;
    this.skipped = (this.skipped + 1) % PROBE_EVERY;
    return this.skipped !== 0;
  }
}
