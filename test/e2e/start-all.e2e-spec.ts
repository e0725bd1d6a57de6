import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '#seedwork/testing';
import { SERVICES } from '../../scripts/services.js';

// `npm start` as a user runs it (after the build): five processes, health up, Ctrl-C stops them all.
describe('the start script', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'start-all-'));

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  function alive(pid: number): boolean {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  it('starts the five services with their health up, and SIGINT leaves no process behind', async () => {
    const ports = Object.fromEntries(SERVICES.map((s) => [s.portVariable, '0']));
    const child = spawn(process.execPath, ['scripts/start-all.js'], {
      env: { ...process.env, ...ports, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    try {
      const listening = await eventually(() => {
        const found = SERVICES.map((s) => new RegExp(`\\[${s.name}\\] .*${s.name} listening on port (\\d+)`).exec(output));
        expect(found.every(Boolean)).toBe(true);
        return found.map((m) => Number(m![1]));
      }, 45000);
      for (const port of listening) {
        const res = await fetch(`http://127.0.0.1:${port}/health`);
        expect(res.status).toBe(200);
      }
      const services = execFileSync('pgrep', ['-P', String(child.pid)])
        .toString()
        .trim()
        .split('\n')
        .map(Number);
      expect(services.length).toBe(SERVICES.length);

      child.kill('SIGINT');
      await exited;
      await eventually(() => expect(services.filter(alive)).toEqual([]), 15000);
      for (const port of listening) await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 90000);
});
