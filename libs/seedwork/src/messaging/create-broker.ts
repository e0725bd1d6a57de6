import type { ServiceSettings } from '../config/service-settings.js';
import type { MessageBroker } from './message-broker.js';
import { SqlMessageBroker } from './sql/sql-message-broker.js';

/** Opens the broker the configuration names. Pulsar's native client is loaded only here, only then. */
export async function createBroker(
  settings: Pick<ServiceSettings, 'broker' | 'service'>,
  onError: (error: unknown) => void = () => undefined,
): Promise<MessageBroker> {
  const { broker } = settings;
  if (broker.kind === 'pulsar') {
    const { PulsarMessageBroker } = await import('./pulsar/pulsar-message-broker.js');
    return PulsarMessageBroker.open({ url: broker.pulsarUrl!, maxAttempts: broker.maxAttempts, retryBaseMs: broker.retryBaseMs }, onError);
  }
  return SqlMessageBroker.open(broker.database, broker, onError);
}
