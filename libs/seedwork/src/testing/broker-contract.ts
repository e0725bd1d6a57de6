import { afterEach, beforeEach, describe } from '@jest/globals';
import type { MessageBroker } from '../messaging/message-broker.js';
import { BrokerFixture } from './broker-fixture.js';
import { describeDeliveryContract } from './broker-contract.delivery.js';
import { describeFailureContract } from './broker-contract.failures.js';
import { describeSharingContract } from './broker-contract.sharing.js';

export interface BrokerContractOptions {
  /**
   * The broker keeps a message id once per topic, so an envelope published twice (an outbox relay
   * retrying after a crash) is delivered once. The SQL log does; Pulsar only with broker-side
   * deduplication, so its suite reports that case skipped.
   */
  deduplicatesById?: boolean;
  /** Deadline of each eventual outcome: a delivery, a redelivery, a dead letter. Default 5 s. */
  timeoutMs?: number;
}

/** What each group of contract cases gets: the current test's fixture, and the suite's settings. */
export interface ContractContext {
  fixture(): BrokerFixture;
  timeoutMs: number;
  /** Jest's timeout of one case: a few eventual outcomes plus opening and closing brokers. */
  testTimeoutMs: number;
  options: BrokerContractOptions;
}

/**
 * The contract every `MessageBroker` adapter must pass (ARCHITECTURE.md, Messaging). `open` returns
 * a new broker on the same store each time it is called (a second process, in effect); a test
 * calls it once or more and everything it opens is closed after it. Topics are unique per test.
 */
export function describeBrokerContract(name: string, open: () => Promise<MessageBroker>, options: BrokerContractOptions = {}): void {
  describe(name, () => {
    let fixture: BrokerFixture | undefined;
    const timeoutMs = options.timeoutMs ?? 5000;
    const context: ContractContext = {
      fixture: () => {
        if (!fixture) throw new Error('the broker fixture exists only inside a test');
        return fixture;
      },
      timeoutMs,
      testTimeoutMs: timeoutMs * 4,
      options,
    };

    beforeEach(() => {
      fixture = new BrokerFixture(open);
    });

    afterEach(async () => {
      const current = fixture;
      fixture = undefined;
      await current?.cleanup();
    }, timeoutMs * 2);

    describeDeliveryContract(context);
    describeFailureContract(context);
    describeSharingContract(context);
  });
}
