import { ConflictError, NotFoundError } from '#seedwork/domain';

export class ReservaGdsNoEncontrada extends NotFoundError {
  constructor(idReserva: string) {
    super('GDS.RESERVA_NO_ENCONTRADA', `El GDS no conoce la reserva ${idReserva}`);
  }
}

/**
 * Another delivery recorded or changed this reserva first (or, rarely, the localizador drawn is
 * taken). Thrown so that the transaction rolls back, seats included, and the message is redelivered.
 */
export class ReservaGdsEnConflicto extends ConflictError {
  constructor(idReserva: string) {
    super('GDS.RESERVA_EN_CONFLICTO', `La reserva ${idReserva} fue registrada o modificada por otra entrega; se reintentará`);
  }
}
