import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { AprobarReserva, CancelarReserva } from '#contracts';
import { MessageContext } from '#seedwork';
import { comandoDeMensaje } from '../commands/comando-de-mensaje.js';

/**
 * The saga's commands to aeroalpes as a participant that come through the broker
 * (comandos-aeroalpes): message → command. The reserva saga, orchestrated here, hands them over in
 * its own transaction instead (see `ReservaSagaHooks`); this consumer takes those published before
 * that, and any other sender's.
 */
@Controller()
export class ComandosReservaConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern<string[]>([AprobarReserva.type, CancelarReserva.type])
  async ejecutar(@Ctx() context: MessageContext): Promise<void> {
    await this.commands.execute(comandoDeMensaje(context.envelope));
  }
}
