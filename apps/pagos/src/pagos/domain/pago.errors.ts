import { ConflictError } from '#seedwork/domain';

/**
 * Another delivery of PagarReserva or RevertirPago for the same reserva committed first. Thrown so
 * that the message is redelivered, and then answered from what that delivery recorded.
 */
export class PagoModificadoConcurrentemente extends ConflictError {
  constructor(idReserva: string) {
    super('PAGO.MODIFICADO_CONCURRENTEMENTE', `El pago de la reserva ${idReserva} fue registrado por otra entrega; se reintentará`);
  }
}
