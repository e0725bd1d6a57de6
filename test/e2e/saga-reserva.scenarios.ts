import { describe, expect, it } from '@jest/globals';
import { AprobarReserva, CancelarReserva, ReservaAprobada, ReservaCancelada } from '#contracts';
import { envelope, type Envelope, type MessageBroker, PulsarMessageBroker, SqlMessageBroker } from '#seedwork';
import { eventually } from '#seedwork/testing';
import { Api, solicitud } from '../support/api.js';
import { rewindSubscription, subscriptionCaughtUp } from '../support/broker-database.js';
import type { Suite } from '../support/suite.js';
import { suiteForTests } from '../support/suite-for-tests.js';

// The reserva saga across the five services, each a real process, driven over HTTP only; every
// outcome is checked in every service. Declared once, run by saga-reserva.e2e-spec.ts on the SQL
// message log (SQLite, or MariaDB when MYSQL_URL is set) and by saga-reserva.pulsar.e2e-spec.ts on
// Apache Pulsar.

export interface SagaBroker {
  /** Environment for the services: nothing for the SQL log, BROKER=pulsar and PULSAR_URL for Pulsar. */
  env: NodeJS.ProcessEnv;
  /** A client of the same broker, for the test to read and publish as a participant would. */
  open(suite: Suite): Promise<MessageBroker>;
  /** Whether the SQL log's subscription can be rewound to redeliver everything (SQL only). */
  rewindable: boolean;
}

export const SQL_BROKER: SagaBroker = {
  env: {},
  open: (suite) => SqlMessageBroker.open(suite.dbs.brokerTarget()),
  rewindable: true,
};

export function pulsarBroker(url: string): SagaBroker {
  return {
    env: { BROKER: 'pulsar', PULSAR_URL: url },
    open: () => PulsarMessageBroker.open({ url, maxAttempts: 5, retryBaseMs: 100 }),
    rewindable: false,
  };
}

interface Saga {
  id: string;
  estado: string;
  paso_actual: string | null;
  pasos: Array<{ nombre: string; estado: string; error: string | null }>;
  log: Array<{ tipo: string; mensaje: string }>;
}
interface Pago {
  estado: string;
  motivo: string | null;
}
interface Notificacion {
  tipo: string;
  destinatario: string;
  id_cliente: string;
}

const TERMINALES = ['COMPLETADA', 'COMPENSADA', 'FALLIDA'];

async function sagaTerminada(api: Api, id: string, timeoutMs = 30000): Promise<Saga> {
  return eventually(async () => {
    const { status, body } = await api.get<Saga>('aeroalpes', `/sagas/${id}`);
    expect(status).toBe(200);
    expect(TERMINALES).toContain(body.estado);
    // nothing still held: no step waits for a compensation
    expect(body.pasos.filter((p) => p.estado === 'COMPENSANDO')).toEqual([]);
    return body;
  }, timeoutMs);
}

/** The reserva as the read side shows it, which follows the event store a moment behind. */
async function expectEstadoReserva(api: Api, id_reserva: string, estado: string): Promise<void> {
  await eventually(
    async () => expect((await api.get<{ estado: string }>('aeroalpes', `/reservas/${id_reserva}`)).body.estado).toBe(estado),
    10000,
  );
}

function estadosDePasos(saga: Saga): Record<string, string> {
  return Object.fromEntries(saga.pasos.map((p) => [p.nombre, p.estado]));
}

async function pagos(api: Api, id_reserva: string): Promise<Pago[]> {
  return (await api.get<Pago[]>('pagos', `/pagos?id_reserva=${id_reserva}`)).body;
}

async function notificaciones(api: Api, id_reserva: string): Promise<Notificacion[]> {
  return (await api.get<Notificacion[]>('notificaciones', `/notificaciones?id_reserva=${id_reserva}`)).body;
}

export function describeSagaScenarios(titulo: string, broker: SagaBroker): void {
  describe(`the reserva saga across the five services (${titulo})`, () => {
    const suite = suiteForTests(undefined, broker.env);
    const api = new Api(suite);

    it('approves a reserva on the happy path and leaves every service consistent', async () => {
      const cliente = await api.registrarCliente();
      const antes = await api.cupos('BOG', 'MDE', '2026-12-01');
      const { id_reserva, id_saga } = await api.crearReserva(solicitud(cliente.id));

      const saga = await sagaTerminada(api, id_saga);
      expect(saga.estado).toBe('COMPLETADA');
      expect(estadosDePasos(saga)).toEqual({
        CrearReserva: 'EXITOSO',
        ValidarCliente: 'EXITOSO',
        PagarReserva: 'EXITOSO',
        ConfirmarReserva: 'EXITOSO',
        AprobarReserva: 'EXITOSO',
      });
      await expectEstadoReserva(api, id_reserva, 'APROBADA');
      const eventos = (await api.get<Array<{ tipo: string }>>('aeroalpes', `/reservas/${id_reserva}/eventos`)).body;
      expect(eventos.map((e) => e.tipo)).toEqual(['ReservaCreada', 'ReservaPagada', 'ReservaConfirmada', 'ReservaAprobada']);
      expect(await pagos(api, id_reserva)).toEqual([expect.objectContaining({ estado: 'APROBADO', motivo: null })]);
      const gds = await api.get<{ estado: string; localizador: string }>('integracion-gds', `/gds/reservas/${id_reserva}`);
      expect(gds.body).toMatchObject({ estado: 'CONFIRMADA', localizador: expect.stringMatching(/^[A-Z0-9]{6}$/) });
      expect(await api.cupos('BOG', 'MDE', '2026-12-01')).toBe(antes - 1);
      await eventually(async () =>
        expect(await notificaciones(api, id_reserva)).toEqual([
          expect.objectContaining({ tipo: 'RESERVA_APROBADA', destinatario: cliente.email }),
        ]),
      );
    }, 60000);

    it('cancels the reserva when the payment is declined, taking no seat', async () => {
      const cliente = await api.registrarCliente();
      const antes = await api.cupos('BOG', 'CTG', '2026-12-02');
      const { id_reserva, id_saga } = await api.crearReserva(
        solicitud(cliente.id, { token: 'tok_declined', destino: 'CTG', fecha: '2026-12-02' }),
      );

      const saga = await sagaTerminada(api, id_saga);
      expect(saga.estado).toBe('COMPENSADA');
      expect(estadosDePasos(saga)).toEqual({
        CrearReserva: 'COMPENSADO',
        ValidarCliente: 'EXITOSO',
        PagarReserva: 'FALLIDO',
        ConfirmarReserva: 'OMITIDO',
        AprobarReserva: 'OMITIDO',
      });
      expect(saga.pasos.find((p) => p.nombre === 'PagarReserva')!.error).toBe('FONDOS_INSUFICIENTES');
      await expectEstadoReserva(api, id_reserva, 'CANCELADA');
      expect(await pagos(api, id_reserva)).toEqual([expect.objectContaining({ estado: 'RECHAZADO', motivo: 'FONDOS_INSUFICIENTES' })]);
      expect((await api.get('integracion-gds', `/gds/reservas/${id_reserva}`)).status).toBe(404);
      expect(await api.cupos('BOG', 'CTG', '2026-12-02')).toBe(antes);
      await eventually(async () => expect((await notificaciones(api, id_reserva)).map((n) => n.tipo)).toEqual(['RESERVA_CANCELADA']));
    }, 60000);

    it('reverts the payment when the route has no seat left', async () => {
      const cliente = await api.registrarCliente();
      await api.fijarCupos('MDE', 'CLO', '2026-12-03', 0);
      const { id_reserva, id_saga } = await api.crearReserva(solicitud(cliente.id, { origen: 'MDE', destino: 'CLO', fecha: '2026-12-03' }));

      const saga = await sagaTerminada(api, id_saga);
      expect(saga.estado).toBe('COMPENSADA');
      expect(estadosDePasos(saga)).toEqual({
        CrearReserva: 'COMPENSADO',
        ValidarCliente: 'EXITOSO',
        PagarReserva: 'COMPENSADO',
        ConfirmarReserva: 'FALLIDO',
        AprobarReserva: 'OMITIDO',
      });
      expect(saga.pasos.find((p) => p.nombre === 'ConfirmarReserva')!.error).toBe('SIN_CUPO');
      await expectEstadoReserva(api, id_reserva, 'CANCELADA');
      expect(await pagos(api, id_reserva)).toEqual([expect.objectContaining({ estado: 'REVERTIDO' })]);
      expect((await api.get<{ estado: string; motivo: string }>('integracion-gds', `/gds/reservas/${id_reserva}`)).body).toMatchObject({
        estado: 'RECHAZADA',
        motivo: 'SIN_CUPO',
      });
      expect(await api.cupos('MDE', 'CLO', '2026-12-03')).toBe(0);
    }, 60000);

    it('cancels the reserva of an inactive cliente before any payment', async () => {
      const cliente = await api.registrarCliente('INACTIVO');
      const { id_reserva, id_saga } = await api.crearReserva(solicitud(cliente.id));

      const saga = await sagaTerminada(api, id_saga);
      expect(saga.estado).toBe('COMPENSADA');
      expect(saga.pasos.find((p) => p.nombre === 'ValidarCliente')).toMatchObject({ estado: 'FALLIDO', error: 'CLIENTE_INACTIVO' });
      await expectEstadoReserva(api, id_reserva, 'CANCELADA');
      expect(await pagos(api, id_reserva)).toEqual([]);
      await eventually(async () => expect((await notificaciones(api, id_reserva)).map((n) => n.tipo)).toEqual(['RESERVA_CANCELADA']));
    }, 60000);

    it('cancels the reserva of an unknown cliente, and notifies nobody', async () => {
      const { id_reserva, id_saga } = await api.crearReserva(solicitud('00000000-0000-4000-8000-000000000000'));

      const saga = await sagaTerminada(api, id_saga);
      expect(saga.estado).toBe('COMPENSADA');
      expect(saga.pasos.find((p) => p.nombre === 'ValidarCliente')).toMatchObject({ estado: 'FALLIDO', error: 'CLIENTE_NO_EXISTE' });
      await expectEstadoReserva(api, id_reserva, 'CANCELADA');
      expect(await pagos(api, id_reserva)).toEqual([]);
      // give notificaciones the time to see ReservaCancelada, then check it sent nothing
      await eventually(async () => expect((await api.get<Saga>('aeroalpes', `/sagas/${id_saga}`)).body.estado).toBe('COMPENSADA'));
      expect(await notificaciones(api, id_reserva)).toEqual([]);
    }, 60000);

    it('resumes a saga when aeroalpes is killed in the middle of it', async () => {
      const cliente = await api.registrarCliente();
      await suite.service('pagos').stop();
      const { id_reserva, id_saga } = await api.crearReserva(solicitud(cliente.id, { destino: 'BAQ', fecha: '2026-12-08' }));
      await eventually(
        async () => expect((await api.get<Saga>('aeroalpes', `/sagas/${id_saga}`)).body.paso_actual).toBe('PagarReserva'),
        15000,
      );

      await suite.service('aeroalpes').stop('SIGKILL');
      await suite.service('aeroalpes').start();
      await suite.service('pagos').start();

      const saga = await sagaTerminada(api, id_saga);
      expect(saga.estado).toBe('COMPLETADA');
      await expectEstadoReserva(api, id_reserva, 'APROBADA');
      expect(await pagos(api, id_reserva)).toEqual([expect.objectContaining({ estado: 'APROBADO' })]);
    }, 90000);

    it('approves exactly as many reservas as there are seats when 40 race for 3', async () => {
      await api.fijarCupos('BOG', 'SMR', '2026-12-05', 3);
      const clientes = await Promise.all(Array.from({ length: 5 }, () => api.registrarCliente()));
      const reservas = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          api.crearReserva(solicitud(clientes[i % clientes.length].id, { destino: 'SMR', fecha: '2026-12-05' })),
        ),
      );
      const sagas = await Promise.all(reservas.map((r) => sagaTerminada(api, r.id_saga, 90000)));
      const porEstado = (estado: string) => sagas.filter((s) => s.estado === estado).length;
      expect({ COMPLETADA: porEstado('COMPLETADA'), COMPENSADA: porEstado('COMPENSADA') }).toEqual({ COMPLETADA: 3, COMPENSADA: 37 });
      expect(await api.cupos('BOG', 'SMR', '2026-12-05')).toBe(0);
      // The reservas are read from the projection, which follows the event store a moment behind.
      await eventually(async () => {
        const estados = await Promise.all(
          reservas.map(async (r) => (await api.get<{ estado: string }>('aeroalpes', `/reservas/${r.id_reserva}`)).body.estado),
        );
        expect({
          APROBADA: estados.filter((e) => e === 'APROBADA').length,
          CANCELADA: estados.filter((e) => e === 'CANCELADA').length,
        }).toEqual({
          APROBADA: 3,
          CANCELADA: 37,
        });
      }, 15000);
      const estadosPago = (await Promise.all(reservas.map((r) => pagos(api, r.id_reserva)))).flat().map((p) => p.estado);
      expect(estadosPago.filter((e) => e === 'APROBADO').length).toBe(3);
      expect(estadosPago.filter((e) => e === 'REVERTIDO').length).toBe(37);
    }, 180000);

    it("applies every reply once when every reply is delivered twice, and answers its own steps' commands again when they come through the broker", async () => {
      const cliente = await api.registrarCliente();
      const aprobada = await api.crearReserva(solicitud(cliente.id, { destino: 'PEI', fecha: '2026-12-06' }));
      const rechazada = await api.crearReserva(solicitud(cliente.id, { token: 'tok_declined', destino: 'PEI', fecha: '2026-12-06' }));
      const antes = await Promise.all([aprobada, rechazada].map((r) => sagaTerminada(api, r.id_saga)));
      const cuposAntes = await api.cupos('BOG', 'PEI', '2026-12-06');

      // Every reply of both sagas once more, as copies with new ids (a participant answering twice),
      // and the orchestrator's subscription rewound (the broker redelivering the same messages).
      // Copies on eventos-aeroalpes reach notificaciones only: the saga takes aeroalpes' own replies
      // in the transaction that sends them and does not subscribe to that topic.
      const client = await broker.open(suite);
      try {
        for (const topic of ['eventos-aeroalpes', 'eventos-cliente', 'eventos-pagos', 'eventos-integracion-gds']) {
          const replies: Envelope[] = [];
          await client.readFromEarliest(topic, async (e) => {
            if ([aprobada.id_saga, rechazada.id_saga].includes(e.correlationId)) replies.push(e);
          });
          await client.publish(
            topic,
            replies.map((e) => ({ ...e, id: `${e.id}-copia` })),
          );
        }
        // The saga's own steps' commands once more, through the broker (comandos-aeroalpes), as one
        // sent before the saga ran them in its transaction would come: answered again, changing nothing.
        const comandos = [
          envelope({
            type: AprobarReserva.type,
            source: 'e2e',
            correlationId: aprobada.id_saga,
            payload: { id_reserva: aprobada.id_reserva },
          }),
          envelope({
            type: CancelarReserva.type,
            source: 'e2e',
            correlationId: rechazada.id_saga,
            payload: { id_reserva: rechazada.id_reserva },
          }),
        ];
        await client.publish(AprobarReserva.topic, comandos);
        await eventually(async () => {
          const respuestas: Array<[string, string | null]> = [];
          await client.readFromEarliest(ReservaAprobada.topic, async (e) => void respuestas.push([e.type, e.causationId]));
          expect(respuestas).toEqual(
            expect.arrayContaining([
              [ReservaAprobada.type, comandos[0].id],
              [ReservaCancelada.type, comandos[1].id],
            ]),
          );
        }, 20000);
      } finally {
        await client.close();
      }

      await eventually(async () => {
        for (const r of [aprobada, rechazada]) {
          const saga = (await api.get<Saga>('aeroalpes', `/sagas/${r.id_saga}`)).body;
          expect(saga.log.filter((l) => l.tipo === 'RESPUESTA_DUPLICADA').length).toBeGreaterThan(0);
        }
      }, 20000);
      if (broker.rewindable) {
        const aeroalpes = suite.service('aeroalpes');
        await aeroalpes.stop();
        expect(await rewindSubscription(suite.dbs.brokerTarget(), 'aeroalpes-saga')).toBeGreaterThan(0);
        await aeroalpes.start();
        // aeroalpes reads its topics again from the start; the inbox skips every message it had handled.
        await eventually(async () => expect(await subscriptionCaughtUp(suite.dbs.brokerTarget(), 'aeroalpes-saga')).toBe(true), 30000);
      }
      const despues = await Promise.all([aprobada, rechazada].map((r) => sagaTerminada(api, r.id_saga)));
      expect(despues.map((s) => [s.estado, estadosDePasos(s)])).toEqual(antes.map((s) => [s.estado, estadosDePasos(s)]));
      expect(despues.map((s) => s.log.filter((l) => l.tipo === 'COMANDO_ENVIADO' || l.tipo === 'COMPENSACION_ENVIADA').length)).toEqual(
        antes.map((s) => s.log.filter((l) => l.tipo === 'COMANDO_ENVIADO' || l.tipo === 'COMPENSACION_ENVIADA').length),
      );
      expect(await pagos(api, aprobada.id_reserva)).toEqual([expect.objectContaining({ estado: 'APROBADO' })]);
      expect(await pagos(api, rechazada.id_reserva)).toEqual([expect.objectContaining({ estado: 'RECHAZADO' })]);
      expect(await api.cupos('BOG', 'PEI', '2026-12-06')).toBe(cuposAntes);
      expect((await notificaciones(api, aprobada.id_reserva)).map((n) => n.tipo)).toEqual(['RESERVA_APROBADA']);
      expect((await notificaciones(api, rechazada.id_reserva)).map((n) => n.tipo)).toEqual(['RESERVA_CANCELADA']);
    }, 90000);
  });

  describe(`a participant that is down past its deadline (${titulo})`, () => {
    const suite = suiteForTests(undefined, { ...broker.env, SAGA_PASO_TIMEOUT_MS: '2500', SAGA_TICK_MS: '100' });
    const api = new Api(suite);

    it('compensates when the GDS is stopped past the deadline, even across an orchestrator restart, then reverts the late confirmation', async () => {
      const cliente = await api.registrarCliente();
      const antes = await api.cupos('BOG', 'ADZ', '2026-12-07');
      await suite.service('integracion-gds').stop();

      const { id_reserva, id_saga } = await api.crearReserva(solicitud(cliente.id, { destino: 'ADZ', fecha: '2026-12-07' }));
      // The orchestrator dies while it waits for the GDS: its deadline is kept with the saga.
      await eventually(
        async () => expect((await api.get<Saga>('aeroalpes', `/sagas/${id_saga}`)).body.paso_actual).toBe('ConfirmarReserva'),
        15000,
      );
      await suite.service('aeroalpes').stop('SIGKILL');
      await suite.service('aeroalpes').start();
      const expirada = await sagaTerminada(api, id_saga);
      expect(expirada.estado).toBe('COMPENSADA');
      expect(expirada.pasos.find((p) => p.nombre === 'ConfirmarReserva')).toMatchObject({ estado: 'FALLIDO', error: 'PASO_EXPIRADO' });
      expect(expirada.log.map((l) => l.tipo)).toContain('PASO_EXPIRADO');
      expect(await pagos(api, id_reserva)).toEqual([expect.objectContaining({ estado: 'REVERTIDO' })]);
      await expectEstadoReserva(api, id_reserva, 'CANCELADA');

      await suite.service('integracion-gds').start();
      // The GDS now confirms the command it had not seen; the late reply is compensated.
      const final = await eventually(async () => {
        const saga = (await api.get<Saga>('aeroalpes', `/sagas/${id_saga}`)).body;
        expect(saga.pasos.find((p) => p.nombre === 'ConfirmarReserva')!.estado).toBe('COMPENSADO');
        return saga;
      }, 30000);
      expect(final.estado).toBe('COMPENSADA');
      expect(final.log.map((l) => l.tipo)).toEqual(expect.arrayContaining(['RESPUESTA_TARDIA', 'COMPENSACION_ENVIADA']));
      expect((await api.get<{ estado: string }>('integracion-gds', `/gds/reservas/${id_reserva}`)).body.estado).toBe('REVERTIDA');
      expect(await api.cupos('BOG', 'ADZ', '2026-12-07')).toBe(antes);
    }, 90000);
  });
}
