import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { resolve } from 'node:path';
import { ConfigError } from './config-error.js';
import { type ServiceSettings, serviceSettings } from './service-settings.js';

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

function tuningOf({ broker }: ServiceSettings) {
  const { partitions, leaseMs, pollMs, maxAttempts, retryBaseMs } = broker;
  return { partitions, leaseMs, pollMs, maxAttempts, retryBaseMs };
}

describe('serviceSettings', () => {
  describe('port', () => {
    it('uses the default port when <SERVICE>_PORT is not set', () => {
      expect(serviceSettings('pagos', 3004, {}).port).toBe(3004);
    });

    it('uses PAGOS_PORT over the default port', () => {
      expect(serviceSettings('pagos', 3004, { PAGOS_PORT: '4100' }).port).toBe(4100);
    });

    it('derives the variable of a hyphenated service: INTEGRACION_GDS_PORT', () => {
      expect(serviceSettings('integracion-gds', 3005, { INTEGRACION_GDS_PORT: '4200' }).port).toBe(4200);
    });

    it('rejects a non-numeric PAGOS_PORT with a ConfigError naming PAGOS_PORT', () => {
      const error = errorOf(() => serviceSettings('pagos', 3004, { PAGOS_PORT: 'abc' }));
      expect({ config: error instanceof ConfigError, message: error.message }).toEqual({
        config: true,
        message: expect.stringMatching(/^PAGOS_PORT: .*"abc"/),
      });
    });

    it('rejects a PAGOS_PORT above 65535 naming PAGOS_PORT', () => {
      expect(() => serviceSettings('pagos', 3004, { PAGOS_PORT: '70000' })).toThrow(/PAGOS_PORT/);
    });
  });

  describe('database', () => {
    it('defaults to sqlite:<DATA_DIR>/<service>.sqlite', () => {
      expect(serviceSettings('pagos', 3004, { DATA_DIR: '/srv/data' }).database).toEqual({
        kind: 'sqlite',
        file: '/srv/data/pagos.sqlite',
      });
    });

    it('uses DATABASE_URL when the per-service variable is not set', () => {
      const settings = serviceSettings('pagos', 3004, { DATABASE_URL: 'sqlite:./shared.sqlite' });
      expect({ database: settings.database, from: settings.databaseVariable }).toEqual({
        database: { kind: 'sqlite', file: resolve('shared.sqlite') },
        from: 'DATABASE_URL',
      });
    });

    it('uses PAGOS_DATABASE_URL over DATABASE_URL', () => {
      const settings = serviceSettings('pagos', 3004, {
        DATABASE_URL: 'sqlite:./shared.sqlite',
        PAGOS_DATABASE_URL: 'mariadb://root@127.0.0.1:3306/pagos',
      });
      expect({ database: settings.database, from: settings.databaseVariable }).toEqual({
        database: { kind: 'mariadb', url: 'mariadb://root@127.0.0.1:3306/pagos', database: 'pagos' },
        from: 'PAGOS_DATABASE_URL',
      });
    });

    it('names PAGOS_DATABASE_URL when its value is wrong', () => {
      expect(() => serviceSettings('pagos', 3004, { PAGOS_DATABASE_URL: 'postgres://u@h/pagos' })).toThrow(/^PAGOS_DATABASE_URL: /);
    });

    it('names BROKER_DATABASE_URL when its value is wrong', () => {
      expect(() => serviceSettings('pagos', 3004, { BROKER_DATABASE_URL: 'postgres://u@h/broker' })).toThrow(/^BROKER_DATABASE_URL: /);
    });

    it('defaults the broker database to <DATA_DIR>/broker.sqlite', () => {
      expect(serviceSettings('pagos', 3004, { DATA_DIR: '/srv/data' }).broker.database).toEqual({
        kind: 'sqlite',
        file: '/srv/data/broker.sqlite',
      });
    });
  });

  describe('broker', () => {
    it('defaults to the sql broker', () => {
      expect(serviceSettings('pagos', 3004, {}).broker.kind).toBe('sql');
    });

    it('requires PULSAR_URL when BROKER=pulsar, with a ConfigError naming PULSAR_URL', () => {
      const error = errorOf(() => serviceSettings('pagos', 3004, { BROKER: 'pulsar' }));
      expect({ config: error instanceof ConfigError, message: error.message }).toEqual({
        config: true,
        message: expect.stringMatching(/^PULSAR_URL: /),
      });
    });

    it('accepts BROKER=pulsar with a pulsar:// URL', () => {
      const settings = serviceSettings('pagos', 3004, { BROKER: 'pulsar', PULSAR_URL: 'pulsar://localhost:6650' });
      expect({ kind: settings.broker.kind, url: settings.broker.pulsarUrl }).toEqual({ kind: 'pulsar', url: 'pulsar://localhost:6650' });
    });

    it('rejects a PULSAR_URL that is not pulsar://, naming PULSAR_URL', () => {
      expect(() => serviceSettings('pagos', 3004, { BROKER: 'pulsar', PULSAR_URL: 'http://localhost:8080' })).toThrow(/PULSAR_URL/);
    });

    it('rejects an unknown BROKER value with a ConfigError naming BROKER and the value', () => {
      const error = errorOf(() => serviceSettings('pagos', 3004, { BROKER: 'kafka' }));
      expect({ config: error instanceof ConfigError, message: error.message }).toEqual({
        config: true,
        message: expect.stringMatching(/BROKER: .*\(got "kafka"\)/),
      });
    });

    it('uses the documented defaults of the broker tuning variables', () => {
      expect(tuningOf(serviceSettings('pagos', 3004, {}))).toEqual({
        partitions: 8,
        leaseMs: 10000,
        pollMs: 20,
        maxAttempts: 5,
        retryBaseMs: 100,
      });
    });

    it('parses the numeric broker tuning variables', () => {
      const settings = serviceSettings('pagos', 3004, {
        BROKER_PARTITIONS: '4',
        BROKER_LEASE_MS: '5000',
        BROKER_POLL_MS: '50',
        BROKER_MAX_ATTEMPTS: '3',
        BROKER_RETRY_BASE_MS: '250',
      });
      expect(tuningOf(settings)).toEqual({ partitions: 4, leaseMs: 5000, pollMs: 50, maxAttempts: 3, retryBaseMs: 250 });
    });

    it('rejects a non-numeric BROKER_PARTITIONS naming it', () => {
      expect(() => serviceSettings('pagos', 3004, { BROKER_PARTITIONS: 'lots' })).toThrow(/BROKER_PARTITIONS: .*\(got "lots"\)/);
    });
  });

  describe('other settings', () => {
    it('parses SHUTDOWN_TIMEOUT_MS', () => {
      expect(serviceSettings('pagos', 3004, { SHUTDOWN_TIMEOUT_MS: '2500' }).shutdownTimeoutMs).toBe(2500);
    });

    it('rejects an unknown LOG_LEVEL naming it', () => {
      expect(() => serviceSettings('pagos', 3004, { LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    });
  });
});
