/**
 * Shows the progress of a demo build (one contribution after another) on a progress display.
 */
import type { DemoProgressEvent } from '../demo/demo-builder.js';
import type { ProgressDisplay } from './progress-display.js';

/** Maps demo build events to progress lines: `demo 1/3 catalogue  [████░░]  50%  62 items ...`. */
export function showDemoProgress(display: ProgressDisplay): (event: DemoProgressEvent) => void {
  return (event) =>
    display.update({
      label: `demo ${event.step}/${event.steps} ${event.title}`,
      done: event.done,
      fraction: event.total ? event.done / event.total : undefined,
      unit: 'records',
      detail: event.label,
    });
}
