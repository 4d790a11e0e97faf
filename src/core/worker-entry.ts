import type { WorkerOptions } from 'node:worker_threads';

/**
 * How to start the worker module `name` that sits next to the module at `callerUrl` (its `import.meta.url`):
 * the built `.js` file, or, when running from TypeScript sources (tsx, vitest), a bootstrap that registers
 * tsx's loader in the worker first: Node 20 workers do not inherit the loader hooks of `--import tsx`.
 */
export function workerEntry(callerUrl: string, name: string): [string | URL, WorkerOptions] {
  if (!callerUrl.endsWith('.ts')) return [new URL(`./${name}.js`, callerUrl), {}];
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return [bootstrap, { eval: true }];
}
