import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConfirmacionGDSRevertida, TOPICOS } from '#contracts';
import { Outbox, UnitOfWork } from '#seedwork';
import { clavesDe } from '../../domain/clave-inventario.js';
import { ReservaGdsRepository } from '../../infrastructure/reserva-gds.repository.js';
import { SqlInventario } from '../../infrastructure/sql-inventario.js';
import { respuesta } from '../respuesta.js';
import { RevertirConfirmacionCommand } from './revertir-confirmacion.command.js';

/**
 * CONFIRMADA → REVERTIDA, giving every seat back. A compensation must be idempotent, so with
 * nothing to revert (unknown reserva, RECHAZADA, already REVERTIDA) it answers
 * ConfirmacionGDSRevertida too, giving nothing back.
 */
@CommandHandler(RevertirConfirmacionCommand)
export class RevertirConfirmacionHandler implements ICommandHandler<RevertirConfirmacionCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly reservas: ReservaGdsRepository,
    private readonly inventario: SqlInventario,
  ) {}

  async execute({ id_reserva, causa }: RevertirConfirmacionCommand): Promise<void> {
    await this.uow.run(async () => {
      const reserva = await this.reservas.porId(id_reserva);
      if (reserva?.revertir()) {
        // The conditional update claims the transition: a concurrent revert fails here and retries.
        await this.reservas.guardar(reserva, 'CONFIRMADA');
        for (const clave of clavesDe(reserva.legs)) await this.inventario.devolver(clave);
      }
      await this.outbox.add(TOPICOS.eventosGds, [respuesta(ConfirmacionGDSRevertida, { id_reserva }, causa)]);
    });
  }
}
