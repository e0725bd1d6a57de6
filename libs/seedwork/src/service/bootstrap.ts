import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { type DynamicModule, type INestApplication, type INestMicroservice, Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { DataSource, MixedList } from 'typeorm';
import { ConfigError } from '../config/config-error.js';
import { serviceSettings, type ServiceSettings } from '../config/service-settings.js';
import { createValidationPipe } from '../http/validation.pipe.js';
import { type MessageContract, MessageContracts } from '../messaging/contracts/message-contract.js';
import { createBroker } from '../messaging/create-broker.js';
import type { MessageBroker } from '../messaging/message-broker.js';
import { Outbox } from '../messaging/outbox/outbox.js';
import { OutboxRelay } from '../messaging/outbox/outbox-relay.js';
import { BrokerTransport, type TopicSubscription } from '../messaging/transport/broker-transport.js';
import { RethrowRpcFilter } from '../messaging/transport/rethrow-rpc.filter.js';
import { openDataSource, openReadDataSource } from '../persistence/data-source.js';
import { CreateMessagingTables1795400000000 } from '../persistence/migrations/create-messaging-tables.js';
import { UnitOfWork } from '../persistence/unit-of-work.js';
import type { ServiceInfrastructure } from './service-infrastructure.js';

export interface ServiceDefinition {
  name: string;
  defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function>;
  /** The service's own migrations; the outbox and inbox tables are added to them. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: Function[];
  /** Message contracts the service sends or receives. */
  contracts?: readonly MessageContract[];
  /** Topics the service consumes, each with its subscription name. */
  subscriptions?: readonly TopicSubscription[];
  /** The root module. A `ConfigError` thrown here (the service's own settings) stops the start-up. */
  module(infrastructure: ServiceInfrastructure): DynamicModule;
}

/** Raised when a service cannot start; its message is one line that names the variable at fault. */
export class StartupError extends Error {}

const OUTBOX_SWEEP_MS = 1000;
const OUTBOX_BATCH = 200;
/**
 * On SQLite, published outbox rows are deleted in one transaction at most this often, not after
 * every pass: one process writes a service's SQLite file, so no other relay reads that outbox. On
 * MySQL/MariaDB a service may run replicas whose relays share the table: rows go at once there.
 */
const OUTBOX_DELETE_EVERY_MS_SQLITE = 200;

/**
 * Opens what a service needs, failing fast with a message that names the variable at fault,
 * then starts Nest with JSON logs, the validation pipe, the broker consumers and shutdown hooks.
 */
export async function startService(definition: ServiceDefinition, env: NodeJS.ProcessEnv = process.env): Promise<INestApplication> {
  let settings: ServiceSettings;
  try {
    settings = serviceSettings(definition.name, definition.defaultPort, env);
  } catch (error) {
    throw new StartupError(error instanceof ConfigError ? error.message : String(error));
  }
  let dataSource: DataSource;
  let readSource: DataSource;
  try {
    const spec = {
      target: settings.database,
      entities: definition.entities ?? [],
      migrations: [CreateMessagingTables1795400000000, ...(definition.migrations ?? [])],
    };
    dataSource = await openDataSource(spec);
    readSource = await openReadDataSource(spec, dataSource);
  } catch (error) {
    throw new StartupError(`${settings.databaseVariable}: ${(error as Error).message}`);
  }
  const log = new NestLogger(settings.service);
  let broker: MessageBroker;
  try {
    broker = await createBroker(settings, (error) => log.error(`broker: ${String(error)}`));
  } catch (error) {
    await dataSource.destroy();
    if (readSource !== dataSource) await readSource.destroy();
    const variable = settings.broker.kind === 'pulsar' ? 'PULSAR_URL' : 'BROKER_DATABASE_URL';
    throw new StartupError(`${variable}: ${(error as Error).message}`);
  }
  const uow = new UnitOfWork(dataSource, undefined, readSource);
  const relay = new OutboxRelay(uow, broker, {
    sweepMs: OUTBOX_SWEEP_MS,
    batchSize: OUTBOX_BATCH,
    deleteEveryMs: settings.database.kind === 'sqlite' ? OUTBOX_DELETE_EVERY_MS_SQLITE : 0,
    onError: (error) => log.warn(`outbox relay: ${String(error)}; will retry`),
  });
  const contracts = new MessageContracts(definition.contracts ?? []);
  const infrastructure: ServiceInfrastructure = { settings, dataSource, broker, uow, outbox: new Outbox(uow, relay), relay, contracts };

  let rootModule: DynamicModule;
  try {
    rootModule = definition.module(infrastructure);
  } catch (error) {
    await broker.close();
    await uow.close();
    throw new StartupError(error instanceof ConfigError ? error.message : String(error));
  }
  const app = await NestFactory.create(rootModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  let consumers: INestMicroservice | undefined;
  if (definition.subscriptions?.length) {
    // Deferred, so that the filter is registered before the consumers' handlers are wired.
    consumers = app.connectMicroservice(
      { strategy: new BrokerTransport({ broker, uow, contracts, subscriptions: definition.subscriptions }) },
      { deferInitialization: true },
    );
    consumers.useGlobalFilters(new RethrowRpcFilter());
  }
  // Init first: modules' hooks run here (the CQRS buses register their handlers), so a message
  // waiting in the broker finds its handler from the first delivery on.
  await app.init();
  if (consumers) {
    (consumers as unknown as { setIsInitHookCalled(value: boolean): void }).setIsInitHookCalled(true);
    await app.startAllMicroservices();
  }
  relay.start();
  try {
    await app.listen(settings.port, env.HOST ?? '0.0.0.0');
  } catch (error) {
    await app.close();
    const code = (error as { code?: string }).code;
    throw new StartupError(`${settings.portVariable}: cannot listen on port ${settings.port} (${code ?? (error as Error).message})`);
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  // Tests start services on port 0 and read the real port from this line.
  app
    .get(Logger)
    .log(
      `${settings.service} listening on port ${port} (database: ${settings.database.kind}, broker: ${settings.broker.kind})`,
      'Bootstrap',
    );
  return app;
}

/** The `main.ts` of every service: start, or print one line and exit 1. */
export async function runService(definition: ServiceDefinition): Promise<void> {
  // Read before the settings are (a signal may come during start-up); a bad value fails the start below.
  const configured = Number(process.env.SHUTDOWN_TIMEOUT_MS);
  const timeoutMs = Number.isFinite(configured) && configured >= 1000 ? configured : 10000;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => setTimeout(() => process.exit(1), timeoutMs).unref());
  }
  try {
    await startService(definition);
  } catch (error) {
    const message = error instanceof StartupError ? error.message : ((error as Error)?.stack ?? String(error));
    process.stderr.write(`${definition.name}: cannot start: ${message}\n`);
    process.exit(1);
  }
}
