import { afterAll, describe } from '@jest/globals';
import { describeBrokerContract, pulsarForTests } from '../../testing/index.js';
import { PulsarMessageBroker } from './pulsar-message-broker.js';

// Runs against a real Pulsar broker: PULSAR_URL, or apachepulsar/pulsar started with testcontainers
// where a Docker engine answers; otherwise it reports itself skipped. `pulsar-client` is loaded by
// `open`, never at import.
const pulsar = await pulsarForTests();

(pulsar ? describe : describe.skip)(
  `PulsarMessageBroker (${pulsar?.source ?? 'no PULSAR_URL and no Docker engine: no Pulsar broker here'})`,
  () => {
    afterAll(async () => {
      await pulsar?.stop();
    });

    // Pulsar deduplicates only with broker-side deduplication enabled, which the contract does not assume.
    describeBrokerContract(
      'MessageBroker contract',
      () => PulsarMessageBroker.open({ url: pulsar!.url, maxAttempts: 3, retryBaseMs: 100 }),
      {
        deduplicatesById: false,
        timeoutMs: 15000,
      },
    );
  },
);
