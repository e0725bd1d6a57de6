import { afterAll, describe, expect, it } from '@jest/globals';
import { SERVICES } from '../../scripts/services.js';
import { TestDatabases } from '../support/databases.js';
import { runToExit, ServiceProcess } from '../support/service-process.js';
import { suiteForTests } from '../support/suite-for-tests.js';

// The foundation, checked from outside as a user meets it: five processes, their health,
// problem+json for bad requests, fail-fast configuration and graceful shutdown.
describe('the five services', () => {
  const suite = suiteForTests();

  it.each(SERVICES.map((s) => s.name))('%s answers GET /health with every check up', async (name) => {
    const res = await fetch(suite.url(name as never, '/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', checks: { database: 'up', broker: 'up' } });
  });

  it.each(SERVICES.map((s) => s.name))('%s answers an unknown route with a 404 problem+json', async (name) => {
    const res = await fetch(suite.url(name as never, '/no-such-route'));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toEqual({
      type: expect.any(String),
      title: 'Not Found',
      status: 404,
      detail: expect.stringContaining('/no-such-route'),
    });
  });

  it('answers malformed JSON with a 400 problem+json and no stack trace', async () => {
    const res = await fetch(suite.url('cliente', '/health'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"nombres": ',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ title: 'Bad Request', status: 400 });
    expect(JSON.stringify(body)).not.toMatch(/\bat .+\.js:\d+/);
  });

  it('writes structured JSON log lines that carry the service name', () => {
    const line = suite
      .service('pagos')
      .output.split('\n')
      .find((l) => l.includes('listening on port'));
    expect(JSON.parse(line!)).toMatchObject({ service: 'pagos', level: 30 });
  });
});

describe('start-up and shutdown', () => {
  const dbs = new TestDatabases();
  const pagos = SERVICES.find((s) => s.name === 'pagos')!;

  afterAll(async () => {
    await dbs.dispose();
  });

  it('exits non-zero with one line naming DATABASE_URL when it is malformed', async () => {
    const { code, output } = await runToExit(pagos.entry, {
      DATA_DIR: dbs.dataDir,
      PAGOS_PORT: '0',
      DATABASE_URL: 'postgres://localhost/pagos',
    });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([
      expect.stringMatching(/^pagos: cannot start: DATABASE_URL: unsupported scheme "postgres:"/),
    ]);
  });

  it('exits non-zero naming DATABASE_URL when the database cannot be reached', async () => {
    const { code, output } = await runToExit(pagos.entry, {
      DATA_DIR: dbs.dataDir,
      PAGOS_PORT: '0',
      DATABASE_URL: 'mysql://root@127.0.0.1:1/pagos',
    });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([
      expect.stringMatching(/^pagos: cannot start: DATABASE_URL: cannot connect to mysql:\/\/root@127\.0\.0\.1:1\/pagos/),
    ]);
  });

  it('exits non-zero naming the per-service port variable when it is not a port', async () => {
    const { code, output } = await runToExit(pagos.entry, { DATA_DIR: dbs.dataDir, PAGOS_PORT: 'abc' });
    expect(code).toBe(1);
    expect(output).toMatch(/^pagos: cannot start: PAGOS_PORT: must be a port number/);
  });

  it('exits non-zero naming BROKER when it names an unknown broker', async () => {
    const { code, output } = await runToExit(pagos.entry, { DATA_DIR: dbs.dataDir, PAGOS_PORT: '0', BROKER: 'kafka' });
    expect(code).toBe(1);
    expect(output).toMatch(/BROKER: .*(sql|pulsar).*got "kafka"/);
  });

  it('exits non-zero naming the port variable when its port is taken', async () => {
    const first = new ServiceProcess({ entry: pagos.entry, name: 'pagos', env: { DATA_DIR: dbs.dataDir, PAGOS_PORT: '0' } });
    await first.start();
    try {
      const { code, output } = await runToExit(pagos.entry, { DATA_DIR: dbs.dataDir, PAGOS_PORT: String(first.port) });
      expect(code).toBe(1);
      expect(output).toMatch(new RegExp(`pagos: cannot start: PAGOS_PORT: cannot listen on port ${first.port} \\(EADDRINUSE\\)`));
    } finally {
      await first.stop();
    }
  }, 30000);

  it('stops cleanly on SIGTERM', async () => {
    const service = new ServiceProcess({ entry: pagos.entry, name: 'pagos', env: { DATA_DIR: dbs.dataDir, PAGOS_PORT: '0' } });
    await service.start();
    const health = await fetch(`${service.url}/health`);
    expect(health.status).toBe(200);
    const code = await service.stop('SIGTERM');
    // Nest re-raises the signal after its shutdown hooks ran: a signal exit, not a crash code.
    expect(code === 0 || code === null).toBe(true);
  }, 30000);
});
