import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConfirmacionGDSFallida, ReservaGDSConfirmada, TOPICOS } from '#contracts';
import { Outbox, UnitOfWork } from '#seedwork';
import { clavesDe } from '../../domain/clave-inventario.js';
import { nuevoLocalizador } from '../../domain/localizador.js';
import { ReservaGds } from '../../domain/reserva-gds.js';
import { tomarCupos } from '../../domain/tomar-cupos.js';
import { ReservaGdsRepository } from '../../infrastructure/reserva-gds.repository.js';
import { SqlInventario } from '../../infrastructure/sql-inventario.js';
import { respuesta } from '../respuesta.js';
import { ConfirmarReservaCommand } from './confirmar-reserva.command.js';

/**
 * Takes one seat on every leg, all or nothing, and records the outcome: CONFIRMADA with a
 * localizador (ReservaGDSConfirmada), or RECHAZADA with SIN_CUPO (ConfirmacionGDSFallida) having
 * taken nothing. A reserva the GDS already answered is answered the same way again, taking nothing.
 */
@CommandHandler(ConfirmarReservaCommand)
export class ConfirmarReservaHandler implements ICommandHandler<ConfirmarReservaCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly reservas: ReservaGdsRepository,
    private readonly inventario: SqlInventario,
  ) {}

  async execute({ id_reserva, legs, causa }: ConfirmarReservaCommand): Promise<void> {
    await this.uow.run(async () => {
      let reserva = await this.reservas.porId(id_reserva);
      if (!reserva) {
        reserva = (await tomarCupos(this.inventario, clavesDe(legs)))
          ? ReservaGds.confirmada(id_reserva, legs, nuevoLocalizador())
          : ReservaGds.rechazada(id_reserva, legs, 'SIN_CUPO');
        await this.reservas.agregar(reserva);
      }
      const resultado = reserva.resultado;
      const reply = resultado.confirmada
        ? respuesta(ReservaGDSConfirmada, { id_reserva, localizador: resultado.localizador }, causa)
        : respuesta(ConfirmacionGDSFallida, { id_reserva, motivo: resultado.motivo }, causa);
      await this.outbox.add(TOPICOS.eventosGds, [reply]);
    });
  }
}
