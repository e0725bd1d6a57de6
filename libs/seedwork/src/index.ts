// The one public door of the seedwork library. Apps import from '#seedwork' only.

// domain (also its own door, '#seedwork/domain', for apps' domain layers)
export * from './domain/index.js';

// configuration
export * from './config/config-error.js';
export * from './config/load-config.js';
export * from './config/service-config.js';
export * from './config/service-settings.js';

// persistence
export * from './persistence/data-source.js';
export * from './persistence/database-url.js';
export * from './persistence/execute.js';
export * from './persistence/sql-dialect.js';
export * from './persistence/mutex.js';
export * from './persistence/unit-of-work.js';

// messaging
export * from './messaging/create-broker.js';
export * from './messaging/envelope.js';
export * from './messaging/message-broker.js';
export * from './messaging/partition-of.js';
export * from './messaging/sql/sql-broker-options.js';
export * from './messaging/sql/sql-message-broker.js';
export * from './messaging/pulsar/pulsar-message-broker.js';
export * from './messaging/contracts/message-contract.js';
export * from './messaging/inbox/inbox.js';
export * from './messaging/outbox/outbox.js';
export * from './messaging/outbox/outbox-relay.js';
export * from './messaging/transport/broker-transport.js';
export * from './messaging/transport/message-context.js';
export * from './messaging/transport/rethrow-rpc.filter.js';
export * from './persistence/migrations/create-messaging-tables.js';

// event sourcing
export * from './event-store/create-event-store-tables.js';
export * from './event-store/event-store.js';
export * from './projections/create-projection-tables.js';
export * from './projections/projection.js';
export * from './projections/projection-runner.js';

// sagas
export * from './saga/create-saga-tables.js';
export * from './saga/saga-definition.js';
export * from './saga/saga-executor.js';
export * from './saga/saga-instance.js';
export * from './saga/saga-manager.js';
export * from './saga/saga-mermaid.js';
export * from './saga/saga-store.js';

// validation rules shared by requests and message contracts
export * from './validation/instants.js';

// http, health, logging, service start-up
export * from './health/health.controller.js';
export * from './http/invalid-input.error.js';
export * from './http/problem.js';
export * from './http/problem-details.filter.js';
export * from './http/validation.pipe.js';
export * from './logging/logger-options.js';
export * from './service/bootstrap.js';
export * from './service/service-infrastructure.js';
export * from './service/service.module.js';
