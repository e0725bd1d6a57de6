import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** How often the thread copies the WAL's new pages into the database file, while there are some. */
const CHECKPOINT_EVERY_MS = 100;
/** How often at the least, when there are none: idle, ten threads every 100 ms cost 100 ms of CPU a second. */
const IDLE_CHECKPOINT_EVERY_MS = 1000;
/**
 * Past this many pages (12 MiB) the WAL is started over, when the writes can be paused. A pause
 * costs two fsyncs whatever is left to copy (5 to 40 ms here under load): in bench:saga, 500 pages
 * paused aeroalpes' writes 7 times a second, 180 ms in all; 3,000 about twice, 35 to 55 ms.
 */
const RESTART_AT_PAGES = 3000;
/** SQLite's own checkpoint: its default, and how far it moves back when the thread starts the WAL over. */
const SQLITE_CHECKPOINT_PAGES = 1000;
const SQLITE_CHECKPOINT_PAGES_BEHIND_THREAD = 8000;
/** A pause of the writes never outlasts this, whatever the thread does. */
const PAUSE_MAX_MS = 1000;
/** How long `stop` waits for the thread to close its connection before it ends the thread. */
const STOP_WAIT_MS = 5000;

/** What `PRAGMA wal_checkpoint` answers: pages in the WAL, and how many of them are copied. */
interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * The thread's code, evaluated rather than loaded from a file: the tests run the TypeScript sources,
 * where no compiled worker file exists. It opens its own connection to the file and runs passive
 * checkpoints, which never wait for a lock (one that finds another checkpoint running, or readers on
 * old pages, copies what it can and the next one goes on), every `everyMs` while the WAL changes,
 * less and less often (down to once every `idleMs`) while it does not, and when asked to. It
 * tells the process only of a WAL past `reportAtPages`: a quiet process is not woken for nothing.
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true, timeout: 0 });
function checkpoint() {
  try {
    return db.pragma('wal_checkpoint(PASSIVE)')[0];
  } catch (error) {
    if (String(error.code).startsWith('SQLITE_BUSY')) return undefined;
    throw error;
  }
}
let timer;
let pages = -1;
let wait = workerData.everyMs;
function pass() {
  const result = checkpoint();
  const changed = result === undefined || result.log !== pages;
  pages = result === undefined ? -1 : result.log;
  wait = changed ? workerData.everyMs : Math.min(2 * wait, workerData.idleMs);
  if (changed && result !== undefined && result.log >= workerData.reportAtPages) parentPort.postMessage({ pass: result });
  timer = setTimeout(pass, wait);
}
timer = setTimeout(pass, wait);
parentPort.on('message', (message) => {
  if (message.checkpoint !== undefined) return parentPort.postMessage({ asked: message.checkpoint, result: checkpoint() });
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointerOptions {
  /**
   * Runs `work` while this process writes nothing to the file (its writers' lock). Given, the WAL
   * is started over past RESTART_AT_PAGES: see the class. Not given (a file that other processes
   * write too), SQLite's own checkpoint starts it over, and only copies what the thread has not.
   */
  pauseWrites?: (work: () => Promise<void>) => Promise<void>;
  /** Past how many pages the WAL is started over (default RESTART_AT_PAGES). */
  restartAtPages?: number;
  /** Hears that the thread failed: SQLite's own checkpoints, in the commits, then do all the work. */
  warn?: (message: string) => void;
}

/**
 * Copies a SQLite file's WAL into the database file from a worker thread, so that the commits of
 * the event loop only append. By default SQLite checkpoints inside the COMMIT that takes the WAL
 * past 1,000 pages: that commit copies them and waits for two fsyncs, 5 to 10 ms here, while the
 * whole process stands still.
 *
 * A checkpoint copies pages; only a write that finds the WAL wholly copied starts it over, and
 * under a steady stream of commits the thread is always a few pages behind: the WAL would grow
 * until SQLite's own checkpoint, in a commit, caught up. So past RESTART_AT_PAGES the thread asks
 * for a pause of this process's writes (`pauseWrites`: they wait, the event loop goes on), copies
 * the last pages, and the next write starts the WAL over. SQLite's own automatic checkpoint stays
 * on behind it (at 8,000 pages then; back at 1,000 if the thread is gone). Durability is no
 * weaker: the same synchronous mode, and every checkpoint syncs the WAL first (ADR 0005).
 */
export class WalCheckpointer {
  private stopping = false;
  private pausing = false;
  /** The WAL's length in pages when the writes were last paused. */
  private pausedAt = 0;
  /** The checkpoint asked for during a pause, by number: a late answer to an earlier one is not it. */
  private asked = 0;
  private answered: ((asked: number) => void) | undefined;
  private hasExited = false;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly db: Database.Database,
    private readonly worker: Worker,
    private readonly options: WalCheckpointerOptions,
  ) {
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (message: { pass?: CheckpointResult; asked?: number }) => {
      if (message.asked !== undefined) this.answered?.(message.asked);
      else this.passed(message.pass);
    });
    worker.once('error', (error) => this.failed(error));
    worker.once('exit', () => {
      this.hasExited = true;
      this.answered?.(this.asked);
      if (!this.stopping) this.failed(new Error('the checkpoint thread exited'));
    });
    // A connection closed without `stop` must not keep its process alive.
    worker.unref();
  }

  /** Starts copying the WAL of the file `db` writes (a file in WAL mode). */
  static start(db: Database.Database, options: WalCheckpointerOptions = {}): WalCheckpointer {
    // Past 1,000 pages SQLite would checkpoint in a commit before the thread's next pass saw the
    // WAL; where the thread starts it over, SQLite's own checkpoint is only a safety net.
    if (options.pauseWrites) db.pragma(`wal_autocheckpoint = ${SQLITE_CHECKPOINT_PAGES_BEHIND_THREAD}`);
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // Where the writes can be paused the process follows the WAL's length; elsewhere it needs nothing.
    const reportAtPages = options.pauseWrites ? 0 : Infinity;
    const worker = new Worker(THREAD, {
      eval: true,
      workerData: { driver, file: db.name, everyMs: CHECKPOINT_EVERY_MS, idleMs: IDLE_CHECKPOINT_EVERY_MS, reportAtPages },
    });
    return new WalCheckpointer(db, worker, options);
  }

  /** Stops the thread and closes its connection; call it before closing the writer's. */
  async stop(): Promise<void> {
    if (this.hasExited) return;
    // Waited for, the thread must keep the process alive until it has closed its connection.
    this.worker.ref();
    if (!this.stopping) {
      this.stopping = true;
      this.worker.postMessage('stop');
    }
    // A thread stuck (in an fsync that never returns, say) must not hold the shutdown forever.
    const stuck = setTimeout(() => void this.worker.terminate(), STOP_WAIT_MS);
    await this.exited;
    clearTimeout(stuck);
  }

  private passed(result: CheckpointResult | undefined): void {
    const { pauseWrites } = this.options;
    if (!pauseWrites || this.pausing || this.stopping || !result) return;
    // After a pause the WAL is paused for again once it has started over and grown past the
    // threshold, or has grown by a whole threshold more: a restart that failed (another connection
    // still reading the WAL, say) must not pause the writes at every pass.
    const restartAt = this.options.restartAtPages ?? RESTART_AT_PAGES;
    if (result.log < this.pausedAt) this.pausedAt = 0; // started over since
    if (result.log < restartAt + this.pausedAt) return;
    this.pausedAt = result.log;
    this.pausing = true;
    void pauseWrites(() => this.copyTheRest())
      .catch(() => undefined)
      .finally(() => (this.pausing = false));
  }

  /** Asks the thread for one more checkpoint and waits for it (or for the thread's end, or PAUSE_MAX_MS). */
  private copyTheRest(): Promise<void> {
    if (this.stopping) return Promise.resolve();
    const asked = (this.asked += 1);
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.answered = undefined;
        resolve();
      };
      const timer = setTimeout(done, PAUSE_MAX_MS);
      this.answered = (answer) => {
        if (answer === asked) done();
      };
      this.worker.postMessage({ checkpoint: asked });
    });
  }

  private failed(error: unknown): void {
    if (this.stopping) return;
    this.stopping = true;
    // An error thrown in the thread arrives as a copy: a SqliteError keeps its code, not its message.
    const { message, code } = error as { message?: string; code?: string };
    try {
      if (this.options.pauseWrites && this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_CHECKPOINT_PAGES}`);
    } catch {
      // closing meanwhile: nothing left to protect
    }
    const warn = this.options.warn ?? ((text: string) => process.emitWarning(text));
    warn(`WAL checkpoints of ${this.db.name} are back in the committing thread: ${message || code || String(error)}`);
  }
}
