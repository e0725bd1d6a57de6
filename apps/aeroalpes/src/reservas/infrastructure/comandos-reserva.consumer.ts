import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AprobarReserva, type AprobarReservaPayload, CancelarReserva, type CancelarReservaPayload } from '#contracts';
import { MessageContext } from '#seedwork';
import { AprobarReservaCommand } from '../commands/aprobar-reserva/aprobar-reserva.command.js';
import { CancelarReservaCommand } from '../commands/cancelar-reserva/cancelar-reserva.command.js';

/** The saga's commands to aeroalpes as a participant (comandos-aeroalpes): message → command. */
@Controller()
export class ComandosReservaConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern<string>(AprobarReserva.type)
  async aprobar(@Payload() payload: AprobarReservaPayload, @Ctx() context: MessageContext): Promise<void> {
    await this.commands.execute(new AprobarReservaCommand(payload.id_reserva, context.envelope));
  }

  @EventPattern<string>(CancelarReserva.type)
  async cancelar(@Payload() payload: CancelarReservaPayload, @Ctx() context: MessageContext): Promise<void> {
    await this.commands.execute(new CancelarReservaCommand(payload.id_reserva, payload.motivo ?? 'CANCELADA', context.envelope));
  }
}
