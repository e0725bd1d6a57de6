import { type DatabaseTarget, DatabaseUrlError, parseDatabaseUrl } from '../persistence/database-url.js';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';
import { type BrokerKind, envPrefix, ServiceEnv } from './service-config.js';

/** Everything a service needs to start, resolved and validated from the environment. */
export interface ServiceSettings {
  service: string;
  port: number;
  /** The variable `port` was read from, for error messages (`PAGOS_PORT`). */
  portVariable: string;
  dataDir: string;
  logLevel: string;
  database: DatabaseTarget;
  /** The variable `database` was read from, for error messages. */
  databaseVariable: string;
  broker: {
    kind: BrokerKind;
    database: DatabaseTarget;
    pulsarUrl?: string;
    partitions: number;
    leaseMs: number;
    pollMs: number;
    maxAttempts: number;
    retryBaseMs: number;
  };
  shutdownTimeoutMs: number;
}

/**
 * Resolves a service's settings. Per-service variables win over shared ones, so that
 * `npm start` can run five services from one shell: `PAGOS_PORT`, then the default port;
 * `PAGOS_DATABASE_URL`, then `DATABASE_URL`, then `sqlite:${DATA_DIR}/pagos.sqlite`.
 */
export function serviceSettings(service: string, defaultPort: number, env: NodeJS.ProcessEnv = process.env): ServiceSettings {
  const shared = loadConfig(ServiceEnv, env);
  const prefix = envPrefix(service);
  const portVar = `${prefix}_PORT`;
  const port = parsePort(portVar, env[portVar], defaultPort);
  const databaseVar = env[`${prefix}_DATABASE_URL`] ? `${prefix}_DATABASE_URL` : 'DATABASE_URL';
  const database = parseTarget(databaseVar, env[databaseVar], shared.DATA_DIR, service);
  const brokerDatabase = parseTarget('BROKER_DATABASE_URL', shared.BROKER_DATABASE_URL, shared.DATA_DIR, 'broker');
  if (shared.BROKER === 'pulsar' && !shared.PULSAR_URL) {
    throw new ConfigError('PULSAR_URL: required when BROKER=pulsar (e.g. pulsar://localhost:6650)');
  }
  if (shared.PULSAR_URL && !/^pulsar(\+ssl)?:\/\/.+/.test(shared.PULSAR_URL)) {
    throw new ConfigError(`PULSAR_URL: must look like pulsar://host:6650 (got "${shared.PULSAR_URL}")`);
  }
  return {
    service,
    port,
    portVariable: portVar,
    dataDir: shared.DATA_DIR,
    logLevel: shared.LOG_LEVEL,
    database,
    databaseVariable: databaseVar,
    broker: {
      kind: shared.BROKER,
      database: brokerDatabase,
      pulsarUrl: shared.PULSAR_URL,
      partitions: shared.BROKER_PARTITIONS,
      leaseMs: shared.BROKER_LEASE_MS,
      pollMs: shared.BROKER_POLL_MS,
      maxAttempts: shared.BROKER_MAX_ATTEMPTS,
      retryBaseMs: shared.BROKER_RETRY_BASE_MS,
    },
    shutdownTimeoutMs: shared.SHUTDOWN_TIMEOUT_MS,
  };
}

function parsePort(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${name}: must be a port number from 0 to 65535 (got "${value}")`);
  }
  return port;
}

function parseTarget(name: string, value: string | undefined, dataDir: string, fallbackName: string): DatabaseTarget {
  try {
    return parseDatabaseUrl(value, dataDir, fallbackName);
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new ConfigError(`${name}: ${error.message}`);
    throw error;
  }
}
