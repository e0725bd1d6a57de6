import type { DataSource } from 'typeorm';
import type { ServiceSettings } from '../config/service-settings.js';
import type { MessageBroker } from '../messaging/message-broker.js';

/** What a service opens before Nest starts: settings, its database and the broker. */
export interface ServiceInfrastructure {
  settings: ServiceSettings;
  dataSource: DataSource;
  broker: MessageBroker;
}

export const SERVICE_SETTINGS = Symbol('ServiceSettings');
