import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PagoRevertido, TOPICOS } from '#contracts';
import { Outbox, UnitOfWork } from '#seedwork';
import { PagoRepository } from '../../infrastructure/pago.repository.js';
import { respuesta } from '../respuesta.js';
import { RevertirPagoCommand } from './revertir-pago.command.js';

/**
 * Gives an approved payment back (APROBADO → REVERTIDO). A compensation must be idempotent, so
 * with nothing to revert (no payment, RECHAZADO, already REVERTIDO) it answers PagoRevertido too.
 * `id_pago` is in the reply when the reserva's payment is (now) REVERTIDO.
 */
@CommandHandler(RevertirPagoCommand)
export class RevertirPagoHandler implements ICommandHandler<RevertirPagoCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly pagos: PagoRepository,
  ) {}

  async execute({ id_reserva, causa }: RevertirPagoCommand): Promise<void> {
    await this.uow.run(async () => {
      const pago = await this.pagos.porReserva(id_reserva);
      if (pago?.revertir()) await this.pagos.guardar(pago, 'APROBADO');
      const id_pago = pago?.estado === 'REVERTIDO' ? pago.id : undefined;
      await this.outbox.add(TOPICOS.eventosPagos, [respuesta(PagoRevertido, { id_reserva, ...(id_pago ? { id_pago } : {}) }, causa)]);
    });
  }
}
