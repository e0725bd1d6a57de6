/** Tuning of the SQL message log; every value has an environment variable (see the README). */
export interface SqlBrokerOptions {
  /** Partitions per topic: the unit of ordering (per key) and of sharing among consumers. */
  partitions: number;
  /** How long a consumer holds a partition without a heartbeat before another may take it. */
  leaseMs: number;
  /** How often idle consumers probe the log for messages from other processes. */
  pollMs: number;
  /** Deliveries of a message before it goes to the dead-letter topic. */
  maxAttempts: number;
  /** First redelivery delay; doubles on each failure (capped at 30 s). */
  retryBaseMs: number;
  /** Messages fetched per read. */
  batchSize: number;
}

export const DEFAULT_SQL_BROKER_OPTIONS: SqlBrokerOptions = {
  partitions: 8,
  leaseMs: 10000,
  pollMs: 20,
  maxAttempts: 5,
  retryBaseMs: 100,
  batchSize: 100,
};
