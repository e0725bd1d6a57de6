import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { HealthController } from '../health/health.controller.js';
import { ProblemDetailsFilter } from '../http/problem-details.filter.js';
import { loggerOptions } from '../logging/logger-options.js';
import { MessageContracts } from '../messaging/contracts/message-contract.js';
import { MESSAGE_BROKER, type MessageBroker } from '../messaging/message-broker.js';
import { Outbox } from '../messaging/outbox/outbox.js';
import { OutboxRelay } from '../messaging/outbox/outbox-relay.js';
import { UnitOfWork } from '../persistence/unit-of-work.js';
import { SERVICE_SETTINGS, type ServiceInfrastructure } from './service-infrastructure.js';

/**
 * What every service shares: logging, health, the problem+json filter, the CQRS buses, and the
 * already opened database (with its unit of work), broker and outbox, closed on shutdown.
 */
@Module({})
export class ServiceModule implements OnApplicationShutdown {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(MESSAGE_BROKER) private readonly broker: MessageBroker,
    private readonly relay: OutboxRelay,
  ) {}

  static forRoot(infrastructure: ServiceInfrastructure): DynamicModule {
    return {
      module: ServiceModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerOptions(infrastructure.settings)),
        TerminusModule.forRoot({ logger: false }),
        CqrsModule.forRoot(),
      ],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_SETTINGS, useValue: infrastructure.settings },
        { provide: DataSource, useValue: infrastructure.dataSource },
        { provide: UnitOfWork, useValue: infrastructure.uow },
        { provide: MESSAGE_BROKER, useValue: infrastructure.broker },
        { provide: Outbox, useValue: infrastructure.outbox },
        { provide: OutboxRelay, useValue: infrastructure.relay },
        { provide: MessageContracts, useValue: infrastructure.contracts },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [SERVICE_SETTINGS, DataSource, UnitOfWork, MESSAGE_BROKER, Outbox, OutboxRelay, MessageContracts, CqrsModule],
    };
  }

  /** Runs after the HTTP server and the message consumers have stopped. */
  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.broker.close();
    await this.uow.close();
  }
}
