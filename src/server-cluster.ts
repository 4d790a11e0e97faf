/**
 * Several server processes on one port (node:cluster), so that searches use every core: better-sqlite3
 * answers a request on the thread that asked, so one process serves at most one core's worth of
 * searches. SQLite in WAL mode lets every process read at once; writes from any process take turns on the
 * database lock (busy timeout), and each store notices the others' commits (see noticeOtherWriters in
 * sqlite-catalog-store.ts).
 *
 * The primary process forks the workers, which run the primary's script (or another one) with the
 * primary's arguments and node options; each opens its own stores, listens on the shared port, and tells the primary with
 * {@link reportWorkerListening}. The primary accepts connections and hands them out in turn.
 */
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';

/** What a worker sends the primary once it listens. */
interface ListeningMessage {
  fournaiseListening: string;
}

const isListeningMessage = (message: unknown): message is ListeningMessage =>
  typeof message === 'object' &&
  message !== null &&
  typeof (message as ListeningMessage).fournaiseListening === 'string';

/** The default number of workers: one per core the process may use. */
export const defaultWorkerCount = (): number => availableParallelism();

/** Whether this process is a worker of a server cluster. */
export const isClusterWorker = (): boolean => cluster.isWorker;

/** Called by a worker once its server listens: the primary waits for every worker before it reports. */
export function reportWorkerListening(url: string): void {
  process.send?.({ fournaiseListening: url } satisfies ListeningMessage);
}

export interface ServerCluster {
  /** The URL the workers listen on, as the first one reported it. */
  url: string;
  /** Process ids of the workers currently running (a crashed worker is replaced). */
  workerPids(): number[];
  /** Asks every worker to finish its requests and stop (SIGTERM), and resolves when all have exited. */
  close(): Promise<void>;
}

export interface StartClusterOptions {
  workers: number;
  /** The script the workers run (default: the primary's own), with the primary's arguments. */
  exec?: string;
  /** Environment added to the workers' (e.g. settings the primary has resolved). */
  env?: NodeJS.ProcessEnv;
  /** Notices: a worker that died and was replaced. */
  log?: (line: string) => void;
}

/**
 * Forks the workers (primary only) and resolves once every one listens. Rejects, after stopping the
 * others, when a worker exits before listening (port in use, unusable data directory: every worker
 * would fail alike). A worker that dies later (a crash, not a stop) is replaced.
 */
export function startServerCluster(options: StartClusterOptions): Promise<ServerCluster> {
  if (!cluster.isPrimary) throw new Error('startServerCluster runs in the primary process only');
  const workers = new Set<Worker>();
  let stopping = false;
  let url: string | undefined;

  const stopAll = (): Promise<void> => {
    stopping = true;
    const exits = [...workers].map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          worker.once('exit', () => resolve());
          worker.process.kill('SIGTERM');
        }),
    );
    return Promise.all(exits).then(() => undefined);
  };

  if (options.exec) cluster.setupPrimary({ exec: options.exec });
  return new Promise<ServerCluster>((resolve, reject) => {
    let listening = 0;
    const fork = (): void => {
      const worker = cluster.fork(options.env);
      workers.add(worker);
      let hasListened = false;
      worker.on('message', (message: unknown) => {
        if (!isListeningMessage(message) || hasListened) return;
        hasListened = true;
        url ??= message.fournaiseListening;
        if (++listening === options.workers)
          resolve({
            url: url,
            workerPids: () =>
              [...workers].flatMap((w) => (w.process.pid === undefined ? [] : [w.process.pid])),
            close: stopAll,
          });
      });
      worker.once('exit', (code, signal) => {
        workers.delete(worker);
        // Exit code 0 is a worker stopping on a signal (Ctrl-C reaches every process of the group).
        if (stopping || code === 0) return;
        if (!hasListened) {
          void stopAll().then(() =>
            reject(new Error(`a server worker exited before listening (${signal ?? `code ${code}`})`)),
          );
          return;
        }
        options.log?.(
          `server worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`,
        );
        fork();
      });
    };
    for (let i = 0; i < options.workers; i++) fork();
  });
}
