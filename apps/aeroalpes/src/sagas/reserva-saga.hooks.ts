import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Envelope, SagaHooks, SagaInstance } from '#seedwork';
import { comandoDeMensaje } from '../reservas/commands/comando-de-mensaje.js';
import { RegistrarConfirmacionCommand } from '../reservas/commands/registrar-confirmacion/registrar-confirmacion.command.js';
import { RegistrarPagoCommand } from '../reservas/commands/registrar-pago/registrar-pago.command.js';
import type { DatosSagaReserva } from './datos-saga-reserva.js';

/**
 * How the reserva follows its saga: PAGADA once paid, CONFIRMADA once the GDS confirmed; and the
 * saga's commands to aeroalpes itself (AprobarReserva, CancelarReserva), run in the transaction that
 * sends them rather than through the broker and back (one round trip less per saga).
 */
@Injectable()
export class ReservaSagaHooks implements SagaHooks<DatosSagaReserva> {
  constructor(private readonly commands: CommandBus) {}

  async onStepSucceeded(paso: string, saga: SagaInstance<DatosSagaReserva>, reply: Envelope): Promise<void> {
    const datos = reply.payload as Record<string, unknown>;
    if (paso === 'PagarReserva') await this.commands.execute(new RegistrarPagoCommand(saga.referencia, String(datos.id_pago)));
    if (paso === 'ConfirmarReserva')
      await this.commands.execute(new RegistrarConfirmacionCommand(saga.referencia, String(datos.localizador)));
  }

  async runOwnCommand(command: Envelope): Promise<void> {
    await this.commands.execute(comandoDeMensaje(command));
  }
}
