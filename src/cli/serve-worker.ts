/**
 * The program a worker of `fournaise serve --workers N` runs (see serve-cluster.ts): the ordinary CLI with
 * the primary's arguments, whose `serve` then listens on the port the workers share. When the command
 * ends (stopped, or it failed to start), the channel to the primary no longer keeps the process alive, so
 * it exits as a single server would, with the command's exit code.
 */
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
// Not process.disconnect(): a cluster worker that disconnects exits with code 0, hiding a failure.
process.channel?.unref();
