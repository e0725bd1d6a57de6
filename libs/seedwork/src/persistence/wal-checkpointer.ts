import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** How often the thread copies the WAL's new pages into the database file. */
const CHECKPOINT_EVERY_MS = 100;
/** SQLite's own default, put back if the thread stops on its own. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/**
 * The thread's code, evaluated rather than loaded from a file: the tests run the TypeScript sources,
 * where no compiled worker file exists. It opens its own connection to the file and runs passive
 * checkpoints, which never wait for a lock: one that finds another checkpoint running, or readers
 * still on old pages, copies what it can and the next one goes on.
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true, timeout: 0 });
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    if (!String(error.code).startsWith('SQLITE_BUSY')) throw error;
  }
}, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Moves a SQLite file's WAL checkpoints off the event loop. By default SQLite checkpoints inside
 * the COMMIT that takes the WAL past 1,000 pages: that commit copies the pages into the database
 * file and waits for two fsyncs, 5 to 10 ms here, during which the whole process stands still.
 * Here the connection's automatic checkpoints are turned off and a worker thread, with a connection
 * of its own, checkpoints every 100 ms; commits only append to the WAL. Durability is unchanged
 * (the same syncs, on another thread). If the thread stops on its own, SQLite's automatic
 * checkpoints are turned back on, with a warning, so the WAL never grows without bound.
 */
export class WalCheckpointer {
  private stopping = false;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly db: Database.Database,
    private readonly worker: Worker,
    private readonly warn: (message: string) => void,
  ) {
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.once('error', (error) => this.fallBack(error));
    worker.once('exit', () => {
      if (!this.stopping) this.fallBack(new Error('the checkpoint thread exited'));
    });
    // A connection closed without `stop` must not keep its process alive.
    worker.unref();
  }

  /** Starts checkpointing the file `db` writes (a file in WAL mode); `warn` hears of a fall-back. */
  static start(db: Database.Database, warn = (message: string) => process.emitWarning(message)): WalCheckpointer {
    db.pragma('wal_autocheckpoint = 0');
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(THREAD, { eval: true, workerData: { driver, file: db.name, everyMs: CHECKPOINT_EVERY_MS } });
    return new WalCheckpointer(db, worker, warn);
  }

  /** Stops the thread and closes its connection; call it before closing `db`. */
  async stop(): Promise<void> {
    if (!this.stopping) {
      this.stopping = true;
      // Waited for, the thread must keep the process alive until it has closed its connection.
      this.worker.ref();
      this.worker.postMessage('stop');
    }
    await this.exited;
  }

  private fallBack(error: unknown): void {
    if (this.stopping) return;
    this.stopping = true;
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
    // An error thrown in the thread arrives as a copy: a SqliteError keeps its code, not its message.
    const { message, code } = error as { message?: string; code?: string };
    this.warn(`WAL checkpoints of ${this.db.name} are back in the committing thread: ${message || code || String(error)}`);
  }
}
