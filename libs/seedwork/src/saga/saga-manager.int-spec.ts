import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../domain/domain-error.js';
import { defineMessage } from '../messaging/contracts/message-contract.js';
import { type Envelope, replyTo } from '../messaging/envelope.js';
import type { MessageBroker } from '../messaging/message-broker.js';
import { Outbox } from '../messaging/outbox/outbox.js';
import { OutboxRelay } from '../messaging/outbox/outbox-relay.js';
import { SqlMessageBroker } from '../messaging/sql/sql-message-broker.js';
import { CreateMessagingTables1795400000000 } from '../persistence/migrations/create-messaging-tables.js';
import { UnitOfWork } from '../persistence/unit-of-work.js';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { CreateSagaTables1795400000100 } from './create-saga-tables.js';
import { saga } from './saga-definition.js';
import { type SagaHooks, SagaManager } from './saga-manager.js';
import { SagaStore } from './saga-store.js';

class Ref {
  id: string;
}

const Reservar = defineMessage('Reservar', 'comandos-otro', Ref);
const Reservado = defineMessage('Reservado', 'eventos-otro', Ref);
const ReservaFallida = defineMessage('ReservaFallida', 'eventos-otro', Ref);
const Liberar = defineMessage('Liberar', 'comandos-otro', Ref);
const Liberado = defineMessage('Liberado', 'eventos-otro', Ref);
const Aprobar = defineMessage('Aprobar', 'comandos-yo', Ref);
const Aprobado = defineMessage('Aprobado', 'eventos-yo', Ref);
const AprobacionFallida = defineMessage('AprobacionFallida', 'eventos-yo', Ref);

/** Two steps: one for another service, then one for the orchestrating service itself ('yo'). */
const DEFINICION = saga<{ id: string }>('prueba')
  .step('Reservar')
  .invokeParticipant('otro', Reservar, (d) => ({ id: d.id }))
  .onReply(Reservado)
  .onError(ReservaFallida)
  .withCompensation(Liberar, Liberado, (d) => ({ id: d.id }))
  .step('Aprobar')
  .invokeParticipant('yo', Aprobar, (d) => ({ id: d.id }))
  .onReply(Aprobado)
  .onError(AprobacionFallida)
  .build();

const DEADLINE_MS = 50;

function sagaManagerSuite(mysqlUrl?: string): void {
  let db: TestDatabase;
  let broker: MessageBroker;
  let uow: UnitOfWork;
  let outbox: Outbox;
  let errors: string[];

  beforeAll(async () => {
    db = await openTestDatabase('saga-manager', [CreateMessagingTables1795400000000, CreateSagaTables1795400000100], mysqlUrl);
    await db.dataSource.query('CREATE TABLE aprobaciones (id VARCHAR(64) NOT NULL PRIMARY KEY)');
    broker = await SqlMessageBroker.open(db.sibling('broker'));
  });

  afterAll(async () => {
    await broker?.close();
    await db?.close();
  });

  beforeEach(async () => {
    uow = new UnitOfWork(db.dataSource);
    // A relay that publishes nothing: what the saga sends stays in the outbox, where the test reads it.
    const relay = new OutboxRelay(uow, broker, { sweepMs: 60_000, batchSize: 100, onError: () => undefined });
    await relay.stop();
    outbox = new Outbox(uow, relay);
    errors = [];
  });

  afterEach(async () => {
    for (const table of ['outbox', 'saga_log', 'sagas', 'aprobaciones']) await db.dataSource.query(`DELETE FROM ${table}`);
  });

  const manager = (hooks: SagaHooks<{ id: string }>) =>
    new SagaManager(
      DEFINICION,
      new SagaStore(uow),
      outbox,
      uow,
      { source: 'yo', timeoutMs: DEADLINE_MS, maxIntentosCompensacion: 3, onError: (_error, what) => errors.push(what) },
      hooks,
    );

  /** What aeroalpes does for its own command: its effect, and its reply handed to the saga. */
  const aprobarConRespuesta = (sagas: () => SagaManager<{ id: string }>) => async (command: Envelope) => {
    const { id } = command.payload as Ref;
    await uow.run((tx) => tx.manager.query('INSERT INTO aprobaciones (id) VALUES (?)', [id]));
    await sagas().handleReply(replyTo(command, Aprobado, { id }, 'yo'));
  };

  const outboxTypes = async () =>
    (await db.dataSource.query<Array<{ envelope: string }>>('SELECT envelope FROM outbox ORDER BY seq')).map(
      (row) => (JSON.parse(row.envelope) as Envelope).type,
    );
  const aprobaciones = async () => (await db.dataSource.query<Array<{ id: string }>>('SELECT id FROM aprobaciones')).map((r) => r.id);

  /** Starts a saga and answers its first step (as 'otro' would); returns its id and the reply. */
  const startAndReserve = async (sagas: SagaManager<{ id: string }>, referencia: string) => {
    const id = randomUUID();
    await sagas.start(id, referencia, { id: referencia });
    const [reservar] = await db.dataSource.query<Array<{ envelope: string }>>('SELECT envelope FROM outbox WHERE topic = ?', [
      Reservar.topic,
    ]);
    await sagas.handleReply(replyTo(JSON.parse(reservar.envelope) as Envelope, Reservado, { id: referencia }, 'otro'));
    return id;
  };

  it('runs a command to its own service in the transaction of the reply before it: no message for it, the saga ends', async () => {
    const sagas: SagaManager<{ id: string }> = manager({ runOwnCommand: aprobarConRespuesta(() => sagas) });
    const id = await startAndReserve(sagas, 'r-1');
    const view = await sagas.view(id);
    expect(view.estado).toBe('COMPLETADA');
    expect(view.pasos.map((p) => p.estado)).toEqual(['EXITOSO', 'EXITOSO']);
    expect(view.log.filter((l) => l.mensaje === 'Aprobar' || l.mensaje === 'Aprobado').map((l) => l.tipo)).toEqual([
      'COMANDO_ENVIADO',
      'EVENTO_RECIBIDO',
    ]);
    expect(await aprobaciones()).toEqual(['r-1']);
    expect(await outboxTypes()).toEqual(['Reservar']); // Aprobar never went to the outbox
    expect(errors).toEqual([]);
  });

  it('answers a saga whose first step is its own as it is once that step ran', async () => {
    const propia = saga<{ id: string }>('propia')
      .step('Aprobar')
      .invokeParticipant('yo', Aprobar, (d) => ({ id: d.id }))
      .onReply(Aprobado)
      .onError(AprobacionFallida)
      .build();
    const sagas: SagaManager<{ id: string }> = new SagaManager(
      propia,
      new SagaStore(uow),
      outbox,
      uow,
      { source: 'yo', timeoutMs: DEADLINE_MS, maxIntentosCompensacion: 3 },
      { runOwnCommand: aprobarConRespuesta(() => sagas) },
    );
    const started = await sagas.start(randomUUID(), 'r-5', { id: 'r-5' });
    expect(started.estado).toBe('COMPLETADA');
    expect(started.pasos.map((p) => p.estado)).toEqual(['EXITOSO']);
    expect(await aprobaciones()).toEqual(['r-5']);
  });

  it('sends the command through the outbox when no hook runs it', async () => {
    const sagas = manager({});
    const id = await startAndReserve(sagas, 'r-2');
    expect(await outboxTypes()).toEqual(['Reservar', 'Aprobar']);
    expect((await sagas.view(id)).pasos.map((p) => p.estado)).toEqual(['EXITOSO', 'EN_CURSO']);
  });

  it('undoes an own command the domain refuses, keeps the reply before it, and leaves the step to its deadline', async () => {
    const sagas = manager({
      runOwnCommand: async (command) => {
        await uow.run((tx) => tx.manager.query('INSERT INTO aprobaciones (id) VALUES (?)', [(command.payload as Ref).id]));
        throw new DomainError('APROBACION.RECHAZADA', 'the approval was refused');
      },
    });
    const id = await startAndReserve(sagas, 'r-3');
    const view = await sagas.view(id);
    expect(view.pasos.map((p) => p.estado)).toEqual(['EXITOSO', 'EN_CURSO']);
    expect(await aprobaciones()).toEqual([]);
    expect(errors).toEqual([expect.stringMatching(new RegExp(`^Aprobar of saga ${id} was refused and undone`))]);
    // Past the deadline, the step is given up and the first one compensated: Liberar is sent.
    await new Promise((resolve) => setTimeout(resolve, DEADLINE_MS * 2));
    expect(await sagas.expireDue()).toBe(1);
    expect((await sagas.view(id)).estado).toBe('COMPENSANDO');
    expect(await outboxTypes()).toEqual(['Reservar', 'Liberar']);
  });

  it('fails the whole reply when an own command fails otherwise, so that the reply is delivered again', async () => {
    let fail = true;
    const approve = aprobarConRespuesta(() => sagas);
    const sagas: SagaManager<{ id: string }> = manager({
      runOwnCommand: async (command) => {
        if (fail) throw new Error('the database went away for a moment');
        await approve(command);
      },
    });
    const id = randomUUID();
    await sagas.start(id, 'r-4', { id: 'r-4' });
    const [reservar] = await db.dataSource.query<Array<{ envelope: string }>>('SELECT envelope FROM outbox');
    const reply = replyTo(JSON.parse(reservar.envelope) as Envelope, Reservado, { id: 'r-4' }, 'otro');
    await expect(sagas.handleReply(reply)).rejects.toThrow(/went away/);
    expect((await sagas.view(id)).pasos.map((p) => p.estado)).toEqual(['EN_CURSO', 'PENDIENTE']);
    // The same reply, delivered again once the failure is gone, completes the saga.
    fail = false;
    await sagas.handleReply(reply);
    expect((await sagas.view(id)).estado).toBe('COMPLETADA');
    expect(errors).toEqual([]);
  });
}

describe('SagaManager on SQLite', () => {
  sagaManagerSuite();
});

const MYSQL_URL = process.env.MYSQL_URL;
if (MYSQL_URL) {
  describe('SagaManager on MariaDB', () => {
    sagaManagerSuite(MYSQL_URL);
  });
} else {
  describe.skip('SagaManager on MariaDB (skipped: MYSQL_URL not set)', () => {
    sagaManagerSuite('unused');
  });
}
