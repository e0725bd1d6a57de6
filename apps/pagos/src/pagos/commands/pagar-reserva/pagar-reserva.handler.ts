import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PagoRechazado, ReservaPagada, TOPICOS } from '#contracts';
import { newId, Outbox, UnitOfWork } from '#seedwork';
import { Pago } from '../../domain/pago.js';
import { PagoRepository } from '../../infrastructure/pago.repository.js';
import { respuesta } from '../respuesta.js';
import { PagarReservaCommand } from './pagar-reserva.command.js';

/**
 * Charges a reserva at most once: the first PagarReserva asks the simulated gateway and records
 * the payment (unique per reserva); any later one, whatever its message id, is answered with the
 * recorded outcome and captures nothing. Declines are typed replies (PagoRechazado), not errors.
 */
@CommandHandler(PagarReservaCommand)
export class PagarReservaHandler implements ICommandHandler<PagarReservaCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly pagos: PagoRepository,
  ) {}

  async execute({ id_reserva, monto, moneda, token, causa }: PagarReservaCommand): Promise<void> {
    await this.uow.run(async () => {
      let pago = await this.pagos.porReserva(id_reserva);
      if (!pago) {
        pago = Pago.procesar({ id: newId(), id_reserva, monto, moneda, token });
        await this.pagos.agregar(pago);
      }
      const { id, monto: cobrado, moneda: en } = pago.snapshot();
      const resultado = pago.resultado;
      const reply = resultado.aprobado
        ? respuesta(ReservaPagada, { id_reserva, id_pago: id, monto: cobrado, moneda: en }, causa)
        : respuesta(PagoRechazado, { id_reserva, id_pago: id, motivo: resultado.motivo }, causa);
      await this.outbox.add(TOPICOS.eventosPagos, [reply]);
    });
  }
}
