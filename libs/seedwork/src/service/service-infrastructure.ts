import type { DataSource } from 'typeorm';
import type { ServiceSettings } from '../config/service-settings.js';
import type { MessageContracts } from '../messaging/contracts/message-contract.js';
import type { MessageBroker } from '../messaging/message-broker.js';
import type { Outbox } from '../messaging/outbox/outbox.js';
import type { OutboxRelay } from '../messaging/outbox/outbox-relay.js';
import type { UnitOfWork } from '../persistence/unit-of-work.js';

/** What a service opens before Nest starts: settings, its database, the broker and the outbox. */
export interface ServiceInfrastructure {
  settings: ServiceSettings;
  dataSource: DataSource;
  broker: MessageBroker;
  uow: UnitOfWork;
  outbox: Outbox;
  relay: OutboxRelay;
  contracts: MessageContracts;
}

export const SERVICE_SETTINGS = Symbol('ServiceSettings');
