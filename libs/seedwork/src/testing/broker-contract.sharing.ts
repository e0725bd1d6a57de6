import { randomUUID } from 'node:crypto';
import { expect, it } from '@jest/globals';
import type { Envelope } from '../messaging/envelope.js';
import type { Delivery } from '../messaging/message-broker.js';
import type { ContractContext } from './broker-contract.js';
import { probe, recorder, uniqueTopic, yieldToLoop } from './broker-fixture.js';
import { eventually } from './eventually.js';

const countById = (deliveries: Delivery[]) => {
  const counts = new Map<string, number>();
  for (const d of deliveries) counts.set(d.envelope.id, (counts.get(d.envelope.id) ?? 0) + 1);
  return counts;
};

const seqsByKey = (deliveries: Delivery[]) => {
  const seqs = new Map<string, number[]>();
  for (const { envelope } of deliveries)
    seqs.set(envelope.correlationId, [...(seqs.get(envelope.correlationId) ?? []), (envelope.payload as { seq: number }).seq]);
  return seqs;
};

/** Competing consumers on one subscription, and independent subscriptions on one topic. */
export function describeSharingContract({ fixture, timeoutMs, testTimeoutMs }: ContractContext): void {
  it(
    'shares a subscription among competing consumers: each message handled exactly once in total, every consumer gets some, keys stay in order',
    async () => {
      const [first, second] = [await fixture().broker(), await fixture().broker()];
      const topic = uniqueTopic('competing');
      const consumers = [first, second, first].map(() => recorder());
      const log: Delivery[] = [];
      const subscribe = (i: number) =>
        fixture().subscribe(i === 1 ? second : first, { topic, subscription: 'contract' }, async (delivery) => {
          await yieldToLoop();
          await consumers[i].handler(delivery);
          log.push(delivery);
        });
      const published: Envelope[] = [];
      const publishWave = async () => {
        const wave = Array.from({ length: 8 }, () => randomUUID()).flatMap((key) => [0, 1, 2].map((seq) => probe(key, { seq })));
        await first.publish(topic, wave);
        published.push(...wave);
      };

      // The first consumer is alone and busy before the others join: they must be given a share.
      const subscriptions = [await subscribe(0)];
      await publishWave();
      await eventually(() => expect(consumers[0].deliveries.length).toBeGreaterThan(0), timeoutMs);
      subscriptions.push(await subscribe(1), await subscribe(2));

      // Keep publishing waves (fresh keys, 3 messages each) until every consumer has had work:
      // sharing a subscription among consumers that just joined may take a moment to settle.
      await eventually(
        async () => {
          await publishWave();
          expect(consumers.map((c) => c.deliveries.length > 0)).toEqual([true, true, true]);
        },
        timeoutMs,
        100,
      );
      await eventually(() => expect(countById(log).size).toBe(published.length), timeoutMs);

      // Closing waits for the messages in hand: after it, nothing more can arrive.
      await Promise.all(subscriptions.map((s) => s.close()));
      const counts = countById(log);
      expect([...counts].filter(([, n]) => n !== 1)).toEqual([]);
      expect([...counts.keys()].sort()).toEqual(published.map((e) => e.id).sort());
      expect([...seqsByKey(log).values()].filter((seqs) => seqs.join() !== '0,1,2')).toEqual([]);
    },
    testTimeoutMs,
  );

  it(
    'delivers every message to each of two subscriptions, one of them created after the messages were published',
    async () => {
      const broker = await fixture().broker();
      const topic = uniqueTopic('fanout');
      const keys = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const all = Array.from({ length: 20 }, (_, seq) => probe(keys[seq % keys.length], { seq }));
      const pagos = recorder();
      await fixture().subscribe(broker, { topic, subscription: 'pagos' }, pagos.handler);
      await broker.publish(topic, all.slice(0, 5));
      await broker.publish(topic, all.slice(5));
      await eventually(() => expect(pagos.deliveries).toHaveLength(all.length), timeoutMs);

      const auditoria = recorder();
      await fixture().subscribe(broker, { topic, subscription: 'auditoria' }, auditoria.handler);
      await eventually(() => expect(auditoria.deliveries).toHaveLength(all.length), timeoutMs);

      const ids = all.map((e) => e.id).sort();
      expect(pagos.ids().sort()).toEqual(ids);
      expect(auditoria.ids().sort()).toEqual(ids);
    },
    testTimeoutMs,
  );
}
