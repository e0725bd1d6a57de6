import { describe } from '@jest/globals';
import { describeBrokerContract } from '../../testing/index.js';
import { PulsarMessageBroker } from './pulsar-message-broker.js';

// Runs only against a real Pulsar broker (e.g. PULSAR_URL=pulsar://localhost:6650 with
// `docker compose up pulsar`); `pulsar-client` is loaded by `open`, never at import.
const pulsarUrl = process.env.PULSAR_URL?.trim();

(pulsarUrl ? describe : describe.skip)(`PulsarMessageBroker (${pulsarUrl ?? 'PULSAR_URL not set: no Pulsar broker here'})`, () => {
  // Pulsar deduplicates only with broker-side deduplication enabled, which the contract does not assume.
  describeBrokerContract('MessageBroker contract', () => PulsarMessageBroker.open({ url: pulsarUrl!, maxAttempts: 3, retryBaseMs: 100 }), {
    deduplicatesById: false,
    timeoutMs: 15000,
  });
});
