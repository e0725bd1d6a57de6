import { afterAll, describe, it } from '@jest/globals';
import { pulsarForTests } from '#seedwork/testing';
import { describeSagaScenarios, pulsarBroker } from './saga-reserva.scenarios.js';

// The same saga scenarios with every service on Apache Pulsar (BROKER=pulsar): with PULSAR_URL, or
// apachepulsar/pulsar via testcontainers where a Docker engine answers. Otherwise reported skipped.
const pulsar = await pulsarForTests();

if (pulsar) {
  describeSagaScenarios(`Apache Pulsar, ${pulsar.source}`, pulsarBroker(pulsar.url));
  afterAll(async () => {
    await pulsar.stop();
  });
} else {
  describe.skip('the reserva saga on Apache Pulsar (no PULSAR_URL and no Docker engine: no Pulsar broker here)', () => {
    it('runs every saga scenario of saga-reserva.scenarios.ts with BROKER=pulsar', () => undefined);
  });
}
