import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CreateMessagingTables1795400000000 } from '../../persistence/migrations/create-messaging-tables.js';
import { UnitOfWork } from '../../persistence/unit-of-work.js';
import { type Envelope, envelope } from '../envelope.js';
import { recordInInbox } from './inbox.js';
import { openTestDatabase } from '../../testing/test-database.js';

interface Backend {
  dataSource: DataSource;
  close(): Promise<void>;
}

async function openSqlite(): Promise<Backend> {
  return openTestDatabase('inbox', [CreateMessagingTables1795400000000]);
}

async function openMariadb(baseUrl: string): Promise<Backend> {
  return openTestDatabase('inbox', [CreateMessagingTables1795400000000], baseUrl);
}

function inboxSuite(open: () => Promise<Backend>): void {
  let backend: Backend;
  let uow: UnitOfWork;

  const pagarReserva = (): Envelope =>
    envelope({ type: 'PagarReserva', source: 'aeroalpes', correlationId: randomUUID(), payload: { id_reserva: randomUUID() } });

  const record = (subscription: string, message: Envelope) => uow.run((tx) => recordInInbox(tx, subscription, message));

  beforeAll(async () => {
    backend = await open();
  });

  afterAll(async () => {
    await backend?.close();
  });

  beforeEach(async () => {
    await backend.dataSource.query('DELETE FROM inbox');
    uow = new UnitOfWork(backend.dataSource);
  });

  it('returns true the first time a subscription handles a message', async () => {
    await expect(record('pagos', pagarReserva())).resolves.toBe(true);
  });

  it('returns false when the same subscription gets the same message again', async () => {
    const message = pagarReserva();
    await record('pagos', message);
    await expect(record('pagos', message)).resolves.toBe(false);
  });

  it('recognises a redelivery by the message id alone', async () => {
    const message = pagarReserva();
    await record('pagos', message);
    await expect(record('pagos', { ...message, occurredAt: new Date(0).toISOString() })).resolves.toBe(false);
  });

  it('returns true for a message another subscription has already handled', async () => {
    const message = pagarReserva();
    await record('pagos', message);
    await expect(record('notificaciones', message)).resolves.toBe(true);
  });

  it('returns true for another message in the same subscription', async () => {
    await record('pagos', pagarReserva());
    await expect(record('pagos', pagarReserva())).resolves.toBe(true);
  });

  it('forgets the message when the handler’s transaction rolls back, so a redelivery is handled', async () => {
    const message = pagarReserva();
    await uow
      .run(async (tx) => {
        await recordInInbox(tx, 'pagos', message);
        throw new Error('the handler failed');
      })
      .catch(() => undefined);
    await expect(record('pagos', message)).resolves.toBe(true);
  });

  it('stores the message type with the id', async () => {
    const message = pagarReserva();
    await record('pagos', message);
    const rows = await backend.dataSource.query<Array<{ type: string }>>(
      'SELECT type FROM inbox WHERE subscription = ? AND message_id = ?',
      ['pagos', message.id],
    );
    expect(rows).toEqual([{ type: 'PagarReserva' }]);
  });

  it('lets exactly one of two concurrent deliveries of a message be handled', async () => {
    const message = pagarReserva();
    const outcomes = await Promise.allSettled([record('pagos', message), record('pagos', message)]);
    // The loser either sees the record (false) or fails on the primary key and is redelivered later.
    expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value === true)).toHaveLength(1);
  });
}

describe('recordInInbox on SQLite', () => {
  inboxSuite(openSqlite);
});

const MYSQL_URL = process.env.MYSQL_URL;
if (MYSQL_URL) {
  describe('recordInInbox on MariaDB', () => {
    inboxSuite(() => openMariadb(MYSQL_URL));
  });
} else {
  describe.skip('recordInInbox on MariaDB (skipped: MYSQL_URL not set)', () => {
    inboxSuite(() => Promise.reject(new Error('MYSQL_URL not set')));
  });
}
