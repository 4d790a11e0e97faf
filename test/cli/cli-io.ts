/** Captured stdout/stderr for running CLI commands in-process. */
import { Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-command.js';

export interface CapturedIo extends CliIo {
  out: () => string;
  err: () => string;
}

function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

export function capturedIo(env: NodeJS.ProcessEnv = {}, cwd = process.cwd()): CapturedIo {
  const stdout = capture();
  const stderr = capture();
  return { stdout: stdout.stream, stderr: stderr.stream, env, cwd, out: stdout.text, err: stderr.text };
}
