/**
 * Starts `fournaise serve` from the sources as a separate process, as `npm start` does, and waits until it
 * says it is listening; the tests then talk to it over HTTP and stop it with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface ServeProcess {
  child: ChildProcess;
  /** Everything written so far (stdout: the listening line; stderr: progress and shutdown messages). */
  output(): { stdout: string; stderr: string };
  /** The exit code, once the process has exited. */
  exited: Promise<number | null>;
}

/**
 * Spawns `serve <args>` with `env` added to this process's environment (FOURNAISE_BASE_URL emptied, so that
 * links use the request's host) and resolves once stdout says "listening on".
 * @throws when the process exits first, with its stderr.
 */
export async function spawnServe(args: string[], env: NodeJS.ProcessEnv): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', ...args], {
    cwd: ROOT,
    env: { ...process.env, FOURNAISE_BASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  await new Promise<void>((ready, fail) => {
    child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      if (stdout.includes('listening on')) ready();
    });
    child.on('exit', () => fail(new Error(`serve exited before listening:\n${stderr}`)));
  });
  return { child, output: () => ({ stdout, stderr }), exited };
}
