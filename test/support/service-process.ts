import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface ServiceProcessOptions {
  /** Path of the compiled entry point, relative to the repository root. */
  entry: string;
  name: string;
  env: NodeJS.ProcessEnv;
  startTimeoutMs?: number;
}

/** The repository's root, whether this file runs from `test/support` (jest) or `dist/test/support` (bench). */
const ROOT = (function findRoot(dir: string): string {
  return existsSync(join(dir, 'package.json')) || dirname(dir) === dir ? dir : findRoot(dirname(dir));
})(import.meta.dirname);
const LISTENING = /listening on port (\d+)/;

/**
 * A service as a real OS process: started from `dist/`, its real port read from its log,
 * stopped with a signal. Its output is kept for assertions and for failing tests' messages.
 */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> | undefined;
  output = '';
  port = 0;

  constructor(readonly options: ServiceProcessOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process and resolves once it listens; rejects with its output if it exits first. */
  start(extraEnv: NodeJS.ProcessEnv = {}): Promise<void> {
    const child = this.spawn(extraEnv);
    return new Promise<void>((ready, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`${this.options.name} did not start in time:\n${this.output.slice(-4000)}`)),
        this.options.startTimeoutMs ?? 30000,
      );
      const since = this.output.length; // a restarted process: ignore the previous run's lines
      // Looks for the port only until it is found: a long run's output is not searched again per chunk.
      const onData = () => {
        const match = LISTENING.exec(this.output.slice(since));
        if (match && this.port === 0) {
          this.port = Number(match[1]);
          clearTimeout(timer);
          child.stdout!.off('data', onData);
          child.stderr!.off('data', onData);
          ready();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        if (this.port === 0) fail(new Error(`${this.options.name} exited with ${code} before listening:\n${this.output.slice(-4000)}`));
      });
    });
  }

  /** Starts the process without waiting for it to listen: for one expected to die on its own. */
  launch(extraEnv: NodeJS.ProcessEnv = {}): Promise<number | null> {
    this.spawn(extraEnv);
    return this.waitForExit();
  }

  private spawn(extraEnv: NodeJS.ProcessEnv): ChildProcess {
    const child = spawn(process.execPath, [resolve(ROOT, this.options.entry)], {
      cwd: ROOT,
      env: { ...process.env, ...this.options.env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((done) => child.once('exit', (code, signal) => done(signal ? null : code)));
    const keep = (chunk: Buffer) => (this.output += chunk.toString());
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    return child;
  }

  /** Resolves with the exit code (null when killed by a signal). */
  waitForExit(): Promise<number | null> {
    return this.exited ?? Promise.resolve(null);
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return this.child?.exitCode ?? null;
    this.child.kill(signal);
    const code = await this.exited!;
    this.port = 0;
    this.output += `\n--- stopped with ${signal} ---\n`;
    return code;
  }
}

/** Runs a process to completion (for services expected to fail at start). */
export function runToExit(entry: string, env: NodeJS.ProcessEnv, timeoutMs = 30000): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(ROOT, entry)], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`did not exit within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}
