import { randomUUID } from 'node:crypto';
import { expect, it } from '@jest/globals';
import { type DeadLetter, type Delivery, type MessageBroker, UnprocessableMessageError } from '../messaging/message-broker.js';
import type { Envelope } from '../messaging/envelope.js';
import type { ContractContext } from './broker-contract.js';
import { probe, readAll, recorder, uniqueTopic } from './broker-fixture.js';
import { eventually } from './eventually.js';

type DeadLettered = Envelope & { deadLetter: Omit<DeadLetter, 'envelope'> };

const attemptsOf = (deliveries: Delivery[], id: string) => deliveries.filter((d) => d.envelope.id === id).map((d) => d.attempt);

/** At-least-once delivery: redelivery after a stopped consumer or a failed handler, and dead letters. */
export function describeFailureContract({ fixture, timeoutMs, testTimeoutMs }: ContractContext): void {
  /** A later consumer of the subscription gets the message the first one never acknowledged, intact. */
  async function expectTakenOver(broker: MessageBroker, topic: string, sent: Envelope, first: ReturnType<typeof recorder>): Promise<void> {
    const later = recorder();
    await fixture().subscribe(broker, { topic, subscription: 'contract' }, later.handler);
    await eventually(() => expect(later.ids()).toEqual([sent.id]), timeoutMs);
    expect(later.deliveries[0].envelope).toEqual(sent);
    expect(first.ids()).toEqual([sent.id]);
  }

  it(
    'redelivers a message to a later consumer of the subscription when the first consumer is closed before acknowledging it',
    async () => {
      const broker = await fixture().broker();
      const topic = uniqueTopic('closed');
      const held = fixture().gate();
      const first = recorder();
      const subscription = await fixture().subscribe(broker, { topic, subscription: 'contract' }, async (delivery) => {
        await first.handler(delivery);
        await held.promise;
      });
      const sent = probe(randomUUID());
      await broker.publish(topic, [sent]);
      await eventually(() => expect(first.ids()).toEqual([sent.id]), timeoutMs);

      // Closed with the message in hand; the handler then fails as its consumer shuts down: no ack.
      const closing = subscription.close();
      held.fail(new Error('the consumer is shutting down'));
      await closing;

      await expectTakenOver(broker, topic, sent, first);
    },
    testTimeoutMs,
  );

  it(
    'redelivers a message to a later consumer of the subscription when the first consumer is abandoned with the message in hand',
    async () => {
      const abandoned = await fixture().broker();
      const topic = uniqueTopic('abandoned');
      const hung = fixture().gate();
      const first = recorder();
      await fixture().subscribe(abandoned, { topic, subscription: 'contract' }, async (delivery) => {
        await first.handler(delivery);
        await hung.promise;
      });
      const sent = probe(randomUUID());
      await abandoned.publish(topic, [sent]);
      await eventually(() => expect(first.ids()).toEqual([sent.id]), timeoutMs);

      // Its process stops keeping it alive (the broker closes) while the handler hangs and never acks;
      // the fixture lets the handler go only after the test. Another process's consumer takes over.
      void abandoned.close();
      const survivor = await fixture().broker();
      await expectTakenOver(survivor, topic, sent, first);
    },
    testTimeoutMs,
  );

  it(
    'redelivers a message whose handler failed, with the attempt counter incremented, before the messages behind it',
    async () => {
      const broker = await fixture().broker();
      const topic = uniqueTopic('retry');
      const key = randomUUID();
      const [flaky, behind] = [probe(key, { n: 1 }), probe(key, { n: 2 })];
      const received = recorder();
      await fixture().subscribe(broker, { topic, subscription: 'contract', maxAttempts: 5 }, async (delivery) => {
        await received.handler(delivery);
        if (delivery.envelope.id === flaky.id && delivery.attempt < 3) throw new Error(`transient failure ${delivery.attempt}`);
      });
      await broker.publish(topic, [flaky, behind]);

      await eventually(() => expect(received.ids()).toContain(behind.id), timeoutMs);
      expect(received.deliveries.map((d) => [d.envelope.id, d.attempt])).toEqual([
        [flaky.id, 1],
        [flaky.id, 2],
        [flaky.id, 3],
        [behind.id, 1],
      ]);
      expect(received.deliveries.every((d) => d.topic === topic)).toBe(true);
    },
    testTimeoutMs,
  );

  it(
    'keeps what was handled before a failing message acknowledged: a later consumer resumes at the failing one',
    async () => {
      const broker = await fixture().broker();
      const topic = uniqueTopic('resume');
      const key = randomUUID();
      const [ok1, ok2, failing, behind] = [probe(key, { n: 1 }), probe(key, { n: 2 }), probe(key, { n: 3 }), probe(key, { n: 4 })];
      const first = recorder();
      const subscription = await fixture().subscribe(broker, { topic, subscription: 'contract', maxAttempts: 1000 }, async (delivery) => {
        await first.handler(delivery);
        if (delivery.envelope.id === failing.id) throw new Error('still failing');
      });
      await broker.publish(topic, [ok1, ok2, failing, behind]);
      await eventually(() => expect(first.ids()).toContain(failing.id), timeoutMs);
      await subscription.close();

      const later = recorder();
      await fixture().subscribe(broker, { topic, subscription: 'contract' }, later.handler);
      await eventually(() => expect(later.ids()).toEqual([failing.id, behind.id]), timeoutMs);
      expect(first.ids().slice(0, 3)).toEqual([ok1.id, ok2.id, failing.id]);
    },
    testTimeoutMs,
  );

  it(
    'moves past a dead-lettered message for good, even when the next message of the same read fails and is retried',
    async () => {
      const broker = await fixture().broker();
      const topic = uniqueTopic('dlq-then-retry');
      const key = randomUUID();
      const [poison, flaky, behind] = [probe(key, { n: 1 }), probe(key, { n: 2 }), probe(key, { n: 3 })];
      const received = recorder();
      await fixture().subscribe(broker, { topic, subscription: 'contract', maxAttempts: 5 }, async (delivery) => {
        await received.handler(delivery);
        if (delivery.envelope.id === poison.id) throw new UnprocessableMessageError('never valid');
        if (delivery.envelope.id === flaky.id && delivery.attempt < 3) throw new Error(`transient failure ${delivery.attempt}`);
      });
      await broker.publish(topic, [poison, flaky, behind]);

      await eventually(() => expect(received.ids()).toContain(behind.id), timeoutMs);
      expect(received.deliveries.map((d) => [d.envelope.id, d.attempt])).toEqual([
        [poison.id, 1],
        [flaky.id, 1],
        [flaky.id, 2],
        [flaky.id, 3],
        [behind.id, 1],
      ]);
      await eventually(async () => expect(await readAll(broker, `${topic}-DLQ`)).toHaveLength(1), timeoutMs);
    },
    testTimeoutMs,
  );

  it(
    'dead-letters a message after maxAttempts failures, with the reason readable on <topic>-DLQ, and the messages behind it keep flowing',
    async () => {
      const broker = await fixture().broker();
      const topic = uniqueTopic('dlq');
      const key = randomUUID();
      const [poison, behind1, behind2] = [probe(key, { n: 1 }), probe(key, { n: 2 }), probe(key, { n: 3 })];
      const received = recorder();
      await fixture().subscribe(broker, { topic, subscription: 'contract', maxAttempts: 3 }, async (delivery) => {
        await received.handler(delivery);
        if (delivery.envelope.id === poison.id) throw new Error(`no se pudo procesar ${poison.id}`);
      });
      await broker.publish(topic, [poison, behind1, behind2]);

      await eventually(() => expect(received.ids()).toContain(behind2.id), timeoutMs);
      expect(received.deliveries.map((d) => [d.envelope.id, d.attempt])).toEqual([
        [poison.id, 1],
        [poison.id, 2],
        [poison.id, 3],
        [behind1.id, 1],
        [behind2.id, 1],
      ]);
      const dead = await eventually(async () => {
        const letters = await readAll<DeadLettered>(broker, `${topic}-DLQ`);
        expect(letters).toHaveLength(1);
        return letters;
      }, timeoutMs);
      expect(dead[0]).toMatchObject({
        ...poison,
        deadLetter: { reason: expect.stringContaining(`no se pudo procesar ${poison.id}`), topic, subscription: 'contract', attempts: 3 },
      });
    },
    testTimeoutMs,
  );

  it(
    'dead-letters a message at once, without retrying it, when its handler throws UnprocessableMessageError',
    async () => {
      const broker = await fixture().broker();
      const topic = uniqueTopic('unprocessable');
      const key = randomUUID();
      const [invalid, behind] = [probe(key, { monto: null }), probe(key, { monto: 10 })];
      const received = recorder();
      await fixture().subscribe(broker, { topic, subscription: 'contract', maxAttempts: 5 }, async (delivery) => {
        await received.handler(delivery);
        if (delivery.envelope.id === invalid.id) throw new UnprocessableMessageError('payload inválido: monto es obligatorio');
      });
      await broker.publish(topic, [invalid, behind]);

      await eventually(() => expect(received.ids()).toContain(behind.id), timeoutMs);
      expect(attemptsOf(received.deliveries, invalid.id)).toEqual([1]);
      const dead = await eventually(async () => {
        const letters = await readAll<DeadLettered>(broker, `${topic}-DLQ`);
        expect(letters).toHaveLength(1);
        return letters;
      }, timeoutMs);
      expect(dead[0]).toMatchObject({
        ...invalid,
        deadLetter: {
          reason: expect.stringContaining('payload inválido: monto es obligatorio'),
          topic,
          subscription: 'contract',
          attempts: 1,
        },
      });
    },
    testTimeoutMs,
  );
}
