import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CreateMessagingTables1795400000000 } from '../../persistence/migrations/create-messaging-tables.js';
import { UnitOfWork } from '../../persistence/unit-of-work.js';
import { eventually } from '../../testing/eventually.js';
import { type Envelope, envelope } from '../envelope.js';
import type { MessageBroker } from '../message-broker.js';
import { SqlMessageBroker } from '../sql/sql-message-broker.js';
import { Outbox } from './outbox.js';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay.js';
import { openTestDatabase } from '../../testing/test-database.js';

/** The service's database (with the outbox) and the broker's own database, as in production. */
interface Backend {
  dataSource: DataSource;
  broker: MessageBroker;
  close(): Promise<void>;
}

async function openSqlite(): Promise<Backend> {
  return openBackend();
}

async function openMariadb(baseUrl: string): Promise<Backend> {
  return openBackend(baseUrl);
}

async function openBackend(mysqlUrl?: string): Promise<Backend> {
  const db = await openTestDatabase('outbox', [CreateMessagingTables1795400000000], mysqlUrl);
  const broker = await SqlMessageBroker.open(db.sibling('broker'));
  return {
    dataSource: db.dataSource,
    broker,
    close: async () => {
      await broker.close();
      await db.close();
    },
  };
}

/** Below jest's 5 s test timeout, so that a failure shows what was still missing. */
const WITHIN_MS = 3000;

function outboxSuite(open: () => Promise<Backend>): void {
  let backend: Backend;
  let uow: UnitOfWork;
  let relay: OutboxRelay;
  let outbox: Outbox;
  let relayErrors: unknown[];
  let topic: string;

  /**
   * A relay whose sweep is too slow to matter within a test: what gets published in time was
   * published because a commit woke the relay, or because the test drained or started it.
   */
  const newRelay = (options: Partial<OutboxRelayOptions> = {}) =>
    new OutboxRelay(uow, backend.broker, { sweepMs: 60_000, batchSize: 100, onError: (error) => relayErrors.push(error), ...options });

  const message = (label: string): Envelope =>
    envelope({ type: 'PruebaOutbox', source: 'outbox-int-spec', correlationId: `saga-${label}`, payload: { label } });

  /** Labels of the messages of a topic, from the earliest, as the broker replays them. */
  const publishedLabels = async (onTopic = topic): Promise<string[]> => {
    const labels: string[] = [];
    await backend.broker.readFromEarliest(onTopic, async (e) => {
      labels.push((e.payload as { label: string }).label);
    });
    return labels;
  };

  const outboxCount = async () =>
    Number((await backend.dataSource.query<Array<{ n: number | string }>>('SELECT COUNT(*) AS n FROM outbox'))[0].n);

  /** An outbox whose process "crashes" after commit: its relay never publishes anything. */
  const crashedOutbox = async () => {
    const deadRelay = newRelay();
    await deadRelay.stop();
    return new Outbox(uow, deadRelay);
  };

  beforeAll(async () => {
    backend = await open();
  });

  afterAll(async () => {
    await backend?.close();
  });

  beforeEach(async () => {
    await backend.dataSource.query('DELETE FROM outbox');
    uow = new UnitOfWork(backend.dataSource);
    relayErrors = [];
    relay = newRelay();
    outbox = new Outbox(uow, relay);
    topic = `eventos-prueba-${randomUUID().slice(0, 8)}`;
  });

  afterEach(async () => {
    await relay.stop();
    expect(relayErrors).toEqual([]);
  });

  /** The real broker, with the labels it is handed written down, and how many `publishAll` calls carried them. */
  const countingBroker = (calls: string[], publishCalls = { count: 0 }) => {
    const counting = Object.create(backend.broker) as typeof backend.broker;
    counting.publishAll = async (batches) => {
      publishCalls.count += 1;
      calls.push(...batches.flatMap((batch) => batch.envelopes.map((e) => (e.payload as { label: string }).label)));
      await backend.broker.publishAll(batches);
    };
    return counting;
  };

  describe('a committed run', () => {
    it('publishes its messages on their topic in the order they were added', async () => {
      relay.start();
      await uow.run(async () => {
        await outbox.add(topic, [message('m1'), message('m2')]);
        await outbox.add(topic, [message('m3')]);
      });
      await eventually(async () => expect(await publishedLabels()).toEqual(['m1', 'm2', 'm3']), WITHIN_MS);
    });

    it('publishes the messages of successive runs in commit order', async () => {
      relay.start();
      await uow.run(() => outbox.add(topic, [message('first-run')]));
      await uow.run(() => outbox.add(topic, [message('second-run')]));
      await eventually(async () => expect(await publishedLabels()).toEqual(['first-run', 'second-run']), WITHIN_MS);
    });

    it('publishes each message on the topic it was added for', async () => {
      const otherTopic = `${topic}-otro`;
      relay.start();
      await uow.run(async () => {
        await outbox.add(topic, [message('a1')]);
        await outbox.add(otherTopic, [message('b1')]);
        await outbox.add(topic, [message('a2')]);
      });
      await eventually(
        async () => expect({ a: await publishedLabels(), b: await publishedLabels(otherTopic) }).toEqual({ a: ['a1', 'a2'], b: ['b1'] }),
        WITHIN_MS,
      );
    });

    it('hands the broker a batch of several topics in one call, in the order the messages were added', async () => {
      const otherTopic = `${topic}-otro`;
      const calls: string[] = [];
      const publishCalls = { count: 0 };
      relay = new OutboxRelay(uow, countingBroker(calls, publishCalls), {
        sweepMs: 60_000,
        batchSize: 100,
        onError: (e) => relayErrors.push(e),
      });
      await uow.run(async () => {
        await outbox.add(topic, [message('a1')]);
        await outbox.add(otherTopic, [message('b1')]);
        await outbox.add(topic, [message('a2')]);
      });
      expect(await relay.drain()).toBe(3);
      expect({ calls, publishCalls: publishCalls.count }).toEqual({ calls: ['a1', 'b1', 'a2'], publishCalls: 1 });
      expect({ a: await publishedLabels(), b: await publishedLabels(otherTopic) }).toEqual({ a: ['a1', 'a2'], b: ['b1'] });
    });

    it('leaves the outbox empty once its messages are published', async () => {
      relay.start();
      await uow.run(() => outbox.add(topic, [message('m1'), message('m2')]));
      await eventually(async () => expect(await publishedLabels()).toHaveLength(2), WITHIN_MS);
      await eventually(async () => expect(await outboxCount()).toBe(0), WITHIN_MS);
    });

    it('publishes the envelope unchanged', async () => {
      const sent = message('m1');
      relay.start();
      await uow.run(() => outbox.add(topic, [sent]));
      const received = await eventually(async () => {
        const all: Envelope[] = [];
        await backend.broker.readFromEarliest(topic, async (e) => {
          all.push(e);
        });
        expect(all).toHaveLength(1);
        return all[0];
      }, WITHIN_MS);
      expect(received).toEqual(sent);
    });
  });

  describe('published rows deleted together (deleteEveryMs)', () => {
    it('keeps published rows until the delete is due, without publishing them again, and deletes them when stopped', async () => {
      const calls: string[] = [];
      relay = new OutboxRelay(uow, countingBroker(calls), {
        sweepMs: 60_000,
        batchSize: 100,
        deleteEveryMs: 60_000,
        onError: (error) => relayErrors.push(error),
      });
      outbox = new Outbox(uow, relay);
      relay.start();
      await uow.run(() => outbox.add(topic, [message('m1')]));
      // The first delete is due at once; the next ones only after deleteEveryMs.
      await eventually(async () => expect(await outboxCount()).toBe(0), WITHIN_MS);
      await uow.run(() => outbox.add(topic, [message('m2')]));
      await eventually(async () => expect(calls).toEqual(['m1', 'm2']), WITHIN_MS);
      await uow.run(() => outbox.add(topic, [message('m3')]));
      await eventually(async () => expect(calls).toEqual(['m1', 'm2', 'm3']), WITHIN_MS);
      expect(await outboxCount()).toBe(2);

      await relay.stop();
      expect(await outboxCount()).toBe(0);
      expect(await publishedLabels()).toEqual(['m1', 'm2', 'm3']);
    });

    it('works through a backlog longer than a batch in order, and leaves the outbox empty', async () => {
      const crashed = await crashedOutbox();
      const labels = ['m1', 'm2', 'm3', 'm4', 'm5'];
      await uow.run(() => crashed.add(topic, labels.map(message)));
      await expect(newRelay({ batchSize: 2, deleteEveryMs: 60_000 }).drain()).resolves.toBe(5);
      expect(await publishedLabels()).toEqual(labels);
      expect(await outboxCount()).toBe(0);
    });

    it('has what a crashed relay published but had not deleted published again by the next one, stored once', async () => {
      const crashedRelay = newRelay({ deleteEveryMs: 60_000 });
      await uow.run(() => new Outbox(uow, crashedRelay).add(topic, [message('m1')]));
      await crashedRelay.drain(); // published and deleted: the first delete is due at once
      await uow.run(() => new Outbox(uow, crashedRelay).add(topic, [message('m2')]));
      await eventually(async () => expect(await publishedLabels()).toEqual(['m1', 'm2']), WITHIN_MS);
      expect(await outboxCount()).toBe(1); // m2: published, its delete not due yet — and the process dies here

      await expect(relay.drain()).resolves.toBe(1); // m2 goes out once more
      expect(await outboxCount()).toBe(0);
      expect(await publishedLabels()).toEqual(['m1', 'm2']);
    });
  });

  describe('a rolled-back run', () => {
    it('leaves no row in the outbox', async () => {
      await uow
        .run(async () => {
          await outbox.add(topic, [message('rolled-back')]);
          throw new Error('the work failed');
        })
        .catch(() => undefined);
      expect(await outboxCount()).toBe(0);
    });

    it('never publishes its messages, while a later committed run is published', async () => {
      relay.start();
      await uow
        .run(async () => {
          await outbox.add(topic, [message('rolled-back')]);
          throw new Error('the work failed');
        })
        .catch(() => undefined);
      await uow.run(() => outbox.add(topic, [message('committed-later')]));
      // The relay publishes in commit order: once the later message is out, nothing can precede it.
      await eventually(async () => expect(await publishedLabels()).toEqual(['committed-later']), WITHIN_MS);
    });
  });

  describe('Outbox.add outside of a run', () => {
    it('throws, since nothing would make it atomic with a state change', async () => {
      await expect(outbox.add(topic, [message('outside')])).rejects.toThrow('Outbox.add must be called inside UnitOfWork.run');
    });

    it('writes nothing to the outbox', async () => {
      await outbox.add(topic, [message('outside')]).catch(() => undefined);
      expect(await outboxCount()).toBe(0);
    });
  });

  describe('rows left in the outbox by a crash', () => {
    it('stay in the outbox while no relay runs', async () => {
      const crashed = await crashedOutbox();
      await uow.run(() => crashed.add(topic, [message('m1'), message('m2')]));
      expect(await outboxCount()).toBe(2);
    });

    it('are published in order by drain', async () => {
      const crashed = await crashedOutbox();
      await uow.run(() => crashed.add(topic, [message('m1'), message('m2'), message('m3')]));
      await relay.drain();
      expect(await publishedLabels()).toEqual(['m1', 'm2', 'm3']);
    });

    it('are counted in what drain returns', async () => {
      const crashed = await crashedOutbox();
      await uow.run(() => crashed.add(topic, [message('m1'), message('m2'), message('m3')]));
      await expect(relay.drain()).resolves.toBe(3);
    });

    it('are removed from the outbox by drain', async () => {
      const crashed = await crashedOutbox();
      await uow.run(() => crashed.add(topic, [message('m1'), message('m2')]));
      await relay.drain();
      expect(await outboxCount()).toBe(0);
    });

    it('are published in order across several batches', async () => {
      const crashed = await crashedOutbox();
      const labels = ['m1', 'm2', 'm3', 'm4', 'm5'];
      await uow.run(() => crashed.add(topic, labels.map(message)));
      await newRelay({ batchSize: 2 }).drain();
      expect(await publishedLabels()).toEqual(labels);
    });

    it('are published once the relay starts', async () => {
      const crashed = await crashedOutbox();
      await uow.run(() => crashed.add(topic, [message('m1'), message('m2')]));
      relay.start();
      await eventually(async () => expect(await publishedLabels()).toEqual(['m1', 'm2']), WITHIN_MS);
    });
  });

  describe('a row published twice', () => {
    it('is stored once in the broker’s log (crash after publish, before delete)', async () => {
      const crashed = await crashedOutbox();
      await uow.run(() => crashed.add(topic, [message('m1')]));
      const [row] = await backend.dataSource.query<Array<Record<string, unknown>>>(
        'SELECT id, topic, correlation_id, envelope, created_at FROM outbox',
      );
      await relay.drain();
      // The delete "was lost": the same row is back, and the next pass publishes it again.
      await backend.dataSource.query('INSERT INTO outbox (id, topic, correlation_id, envelope, created_at) VALUES (?, ?, ?, ?, ?)', [
        row.id,
        row.topic,
        row.correlation_id,
        row.envelope,
        row.created_at,
      ]);
      await relay.drain();
      expect(await publishedLabels()).toEqual(['m1']);
    });
  });
}

describe('Outbox and OutboxRelay on SQLite', () => {
  outboxSuite(openSqlite);
});

const MYSQL_URL = process.env.MYSQL_URL;
if (MYSQL_URL) {
  describe('Outbox and OutboxRelay on MariaDB', () => {
    outboxSuite(() => openMariadb(MYSQL_URL));
  });
} else {
  describe.skip('Outbox and OutboxRelay on MariaDB (skipped: MYSQL_URL not set)', () => {
    outboxSuite(() => Promise.reject(new Error('MYSQL_URL not set')));
  });
}
