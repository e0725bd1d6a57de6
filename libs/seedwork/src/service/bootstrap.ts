import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { DataSource, MixedList } from 'typeorm';
import { ConfigError } from '../config/config-error.js';
import { serviceSettings, type ServiceSettings } from '../config/service-settings.js';
import { createValidationPipe } from '../http/validation.pipe.js';
import { createBroker } from '../messaging/create-broker.js';
import type { MessageBroker } from '../messaging/message-broker.js';
import { openDataSource } from '../persistence/data-source.js';
import type { ServiceInfrastructure } from './service-infrastructure.js';

export interface ServiceDefinition {
  name: string;
  defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  module(infrastructure: ServiceInfrastructure): DynamicModule;
}

/** Raised when a service cannot start; its message is one line that names the variable at fault. */
export class StartupError extends Error {}

/**
 * Opens what a service needs, failing fast with a message that names the variable at fault,
 * then starts Nest with JSON logs, the validation pipe and shutdown hooks, and listens.
 */
export async function startService(definition: ServiceDefinition, env: NodeJS.ProcessEnv = process.env): Promise<INestApplication> {
  let settings: ServiceSettings;
  try {
    settings = serviceSettings(definition.name, definition.defaultPort, env);
  } catch (error) {
    throw new StartupError(error instanceof ConfigError ? error.message : String(error));
  }
  let dataSource: DataSource;
  try {
    dataSource = await openDataSource({ target: settings.database, entities: definition.entities, migrations: definition.migrations });
  } catch (error) {
    throw new StartupError(`${settings.databaseVariable}: ${(error as Error).message}`);
  }
  let broker: MessageBroker;
  try {
    broker = await createBroker(settings);
  } catch (error) {
    await dataSource.destroy();
    const variable = settings.broker.kind === 'pulsar' ? 'PULSAR_URL' : 'BROKER_DATABASE_URL';
    throw new StartupError(`${variable}: ${(error as Error).message}`);
  }
  const app = await NestFactory.create(definition.module({ settings, dataSource, broker }), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  await app.listen(settings.port, env.HOST ?? '0.0.0.0');
  const { port } = app.getHttpServer().address() as AddressInfo;
  // Tests start services on port 0 and read the real port from this line.
  app.get(Logger).log(`${settings.service} listening on port ${port} (database: ${settings.database.kind}, broker: ${settings.broker.kind})`, 'Bootstrap');
  return app;
}

/** The `main.ts` of every service: start, or print one line and exit 1. */
export async function runService(definition: ServiceDefinition): Promise<void> {
  const timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10000);
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
