import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReservaCreada } from '#contracts';
import { Outbox, SagaManager, UnitOfWork, envelope, newId } from '#seedwork';
import { SAGA_RESERVAS } from '../../../sagas/saga-reservas.provider.js';
import type { DatosSagaReserva } from '../../../sagas/datos-saga-reserva.js';
import { legsDe } from '../../domain/itinerario.js';
import { crear } from '../../domain/reserva.js';
import { IdempotencyRepository } from '../../infrastructure/idempotency.repository.js';
import { ReservaRepository } from '../../infrastructure/reserva.repository.js';
import { CrearReservaCommand, type ReservaAceptada } from './crear-reserva.command.js';

/**
 * Creates the event-sourced Reserva, publishes ReservaCreada and starts the reserva saga with its
 * first step done and the second sent — all in one transaction, so none of it exists without the rest.
 */
@CommandHandler(CrearReservaCommand)
export class CrearReservaHandler implements ICommandHandler<CrearReservaCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reservas: ReservaRepository,
    private readonly idempotencia: IdempotencyRepository,
    private readonly outbox: Outbox,
    @Inject(SAGA_RESERVAS) private readonly sagas: SagaManager<DatosSagaReserva>,
  ) {}

  async execute(command: CrearReservaCommand): Promise<ReservaAceptada> {
    try {
      return await this.crear(command);
    } catch (error) {
      // Two requests with one new Idempotency-Key raced: the loser answers what the winner stored.
      if (command.idempotencyKey && this.idempotencia.isDuplicateKey(error)) return this.crear(command);
      throw error;
    }
  }

  private crear(command: CrearReservaCommand): Promise<ReservaAceptada> {
    const { solicitud, idempotencyKey } = command;
    return this.uow.run(async () => {
      const huella = this.idempotencia.fingerprint(solicitud);
      if (idempotencyKey) {
        const previa = await this.idempotencia.find<ReservaAceptada>(idempotencyKey, huella);
        if (previa) return previa;
      }
      const id_reserva = newId();
      const id_saga = newId();
      const itinerarios = JSON.parse(JSON.stringify(solicitud.itinerarios)) as typeof solicitud.itinerarios;
      const { monto, moneda, token } = solicitud.pago;
      const eventos = crear({ id_reserva, id_cliente: solicitud.id_cliente, itinerarios, monto, moneda });
      await this.reservas.save(undefined, id_reserva, eventos, { id_saga });
      const creada = envelope({
        type: ReservaCreada.type,
        source: 'aeroalpes',
        correlationId: id_saga,
        payload: { id_reserva, id_cliente: solicitud.id_cliente, monto, moneda },
      });
      await this.outbox.add(ReservaCreada.topic, [creada]);
      const legs = legsDe(itinerarios).map((l) => ({
        origen: l.origen.codigo,
        destino: l.destino.codigo,
        fecha_salida: l.fecha_salida,
        fecha_llegada: l.fecha_llegada,
      }));
      await this.sagas.start(
        id_saga,
        id_reserva,
        { id_reserva, id_cliente: solicitud.id_cliente, monto, moneda, token, legs },
        { primerPasoEjecutado: true },
      );
      // The first step's reply is known now: the saga takes it at once and sends ValidarCliente in
      // this transaction (the saga does not subscribe to eventos-aeroalpes: no copy comes back).
      await this.sagas.handleReply(creada);
      const respuesta: ReservaAceptada = { id_reserva, id_saga, estado: 'PENDIENTE' };
      if (idempotencyKey) await this.idempotencia.save(idempotencyKey, huella, respuesta);
      return respuesta;
    });
  }
}
