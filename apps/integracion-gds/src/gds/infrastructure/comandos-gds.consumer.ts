import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ConfirmarReserva, type ConfirmarReservaPayload, RevertirConfirmacion, type RevertirConfirmacionPayload } from '#contracts';
import { MessageContext } from '#seedwork';
import { ConfirmarReservaCommand } from '../commands/confirmar-reserva/confirmar-reserva.command.js';
import { RevertirConfirmacionCommand } from '../commands/revertir-confirmacion/revertir-confirmacion.command.js';

/**
 * comandos-integracion-gds → commands. The transport has validated the payload and runs each
 * handler in a unit of work with the inbox, so a redelivered message id is skipped.
 */
@Controller()
export class ComandosGdsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern<string>(ConfirmarReserva.type)
  confirmar(@Payload() p: ConfirmarReservaPayload, @Ctx() context: MessageContext): Promise<void> {
    return this.commands.execute(new ConfirmarReservaCommand(p.id_reserva, p.legs, context.envelope));
  }

  @EventPattern<string>(RevertirConfirmacion.type)
  revertir(@Payload() p: RevertirConfirmacionPayload, @Ctx() context: MessageContext): Promise<void> {
    return this.commands.execute(new RevertirConfirmacionCommand(p.id_reserva, context.envelope));
  }
}
