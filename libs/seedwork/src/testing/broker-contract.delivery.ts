import { randomUUID } from 'node:crypto';
import { expect, it } from '@jest/globals';
import { envelope } from '../messaging/envelope.js';
import type { ContractContext } from './broker-contract.js';
import { probe, readAll, recorder, uniqueTopic, yieldToLoop } from './broker-fixture.js';
import { eventually } from './eventually.js';

/** Publish, subscribe, per-key order, replay, and deduplication by envelope id. */
export function describeDeliveryContract({ fixture, timeoutMs, testTimeoutMs, options }: ContractContext): void {
  it(
    'delivers a published envelope intact to a subscriber, with its topic and attempt 1',
    async () => {
      const broker = await fixture().broker();
      const topic = uniqueTopic('intact');
      const received = recorder();
      await fixture().subscribe(broker, { topic, subscription: 'contract' }, received.handler);

      const sent = envelope({
        type: 'ReservaCreada',
        schemaVersion: 'v1',
        source: 'broker-contract',
        correlationId: randomUUID(),
        causedBy: { id: randomUUID(), traceId: randomUUID() },
        payload: {
          id_reserva: randomUUID(),
          monto_total: 1234.5,
          moneda: 'COP',
          pasajeros: [{ nombre: 'José Ñúñez', edad: 34, millas: null }],
          confirmada: true,
          nota: 'comillas " barra \\ salto\nlínea ✈️',
        },
      });
      await broker.publish(topic, [sent]);

      await eventually(() => expect(received.deliveries).toHaveLength(1), timeoutMs);
      expect(received.deliveries[0]).toEqual({ topic, envelope: sent, attempt: 1 });
    },
    testTimeoutMs,
  );

  it(
    'keeps the publish order of each correlation id over many messages and several keys',
    async () => {
      const broker = await fixture().broker();
      const topic = uniqueTopic('order');
      const keys = Array.from({ length: 6 }, () => randomUUID());
      const perKey = 25;
      const received = recorder();
      await fixture().subscribe(broker, { topic, subscription: 'contract' }, async (delivery) => {
        if (Math.random() < 0.3) await yieldToLoop();
        await received.handler(delivery);
      });

      // Interleaved across keys, published in batches of varying size (1 message up to 20).
      const all = Array.from({ length: perKey }, (_, seq) => keys.map((key) => probe(key, { seq }))).flat();
      const sizes = [1, 7, 20, 3];
      for (let from = 0, i = 0; from < all.length; i += 1) {
        const size = sizes[i % sizes.length];
        await broker.publish(topic, all.slice(from, from + size));
        from += size;
      }

      await eventually(() => expect(received.deliveries).toHaveLength(all.length), timeoutMs);
      const sequence = Array.from({ length: perKey }, (_, seq) => seq);
      for (const key of keys) {
        const seqs = received.deliveries
          .filter((d) => d.envelope.correlationId === key)
          .map((d) => (d.envelope.payload as { seq: number }).seq);
        expect({ key, seqs }).toEqual({ key, seqs: sequence });
      }
    },
    testTimeoutMs,
  );

  it(
    'publishes several topics at once, each topic to its own subscribers in the order given',
    async () => {
      const broker = await fixture().broker();
      const [first, second] = [uniqueTopic('all-a'), uniqueTopic('all-b')];
      const [onFirst, onSecond] = [recorder(), recorder()];
      await fixture().subscribe(broker, { topic: first, subscription: 'contract' }, onFirst.handler);
      await fixture().subscribe(broker, { topic: second, subscription: 'contract' }, onSecond.handler);
      const key = randomUUID();
      const toFirst = [probe(key, { seq: 0 }), probe(key, { seq: 1 })];
      const toSecond = [probe(key, { seq: 0 })];
      const toFirstAgain = [probe(key, { seq: 2 })];

      await broker.publishAll([
        { topic: first, envelopes: toFirst },
        { topic: second, envelopes: toSecond },
        { topic: first, envelopes: toFirstAgain },
        { topic: second, envelopes: [] },
      ]);

      await eventually(() => expect(onFirst.ids()).toHaveLength(3), timeoutMs);
      await eventually(() => expect(onSecond.ids()).toHaveLength(1), timeoutMs);
      expect(onFirst.ids()).toEqual([...toFirst, ...toFirstAgain].map((e) => e.id));
      expect(onSecond.ids()).toEqual(toSecond.map((e) => e.id));
      expect(onFirst.deliveries.map((d) => d.topic)).toEqual([first, first, first]);
    },
    testTimeoutMs,
  );

  it(
    'replays every message of a topic from the earliest one, in publish order, after a subscription consumed them',
    async () => {
      const broker = await fixture().broker();
      const topic = uniqueTopic('replay');
      const keys = [randomUUID(), randomUUID(), randomUUID()];
      const all = Array.from({ length: 30 }, (_, seq) => probe(keys[seq % keys.length], { seq }));
      await broker.publish(topic, all.slice(0, 10));
      await broker.publish(topic, all.slice(10, 11));
      await broker.publish(topic, all.slice(11));
      const consumed = recorder();
      await fixture().subscribe(broker, { topic, subscription: 'contract' }, consumed.handler);
      await eventually(() => expect(consumed.deliveries).toHaveLength(all.length), timeoutMs);

      const replayed = await readAll(broker, topic);
      expect(replayed).toEqual(all);
      expect(await readAll(broker, topic)).toEqual(all);
    },
    testTimeoutMs,
  );

  const dedupeCase = 'stores and delivers an envelope published twice (same id) only once';
  if (!options.deduplicatesById) {
    it.skip(`${dedupeCase} (this broker does not deduplicate by id)`, () => undefined);
    return;
  }
  it(
    dedupeCase,
    async () => {
      const broker = await fixture().broker();
      const topic = uniqueTopic('dedupe');
      const key = randomUUID();
      const twice = probe(key, { n: 1 });
      const behind = probe(key, { n: 2 });
      await broker.publish(topic, [twice]);
      await broker.publish(topic, [twice]);
      await broker.publish(topic, [twice, behind, behind]);
      const received = recorder();
      await fixture().subscribe(broker, { topic, subscription: 'contract' }, received.handler);

      // `behind` comes after every copy of `twice` on the same key: once it is here, any copy would be too.
      await eventually(() => expect(received.ids()).toContain(behind.id), timeoutMs);
      expect(received.ids()).toEqual([twice.id, behind.id]);
      expect(await readAll(broker, topic)).toEqual([twice, behind]);
    },
    testTimeoutMs,
  );
}
