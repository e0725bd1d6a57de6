import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { PagarReserva, type PagarReservaPayload, RevertirPago, type RevertirPagoPayload } from '#contracts';
import { MessageContext } from '#seedwork';
import { PagarReservaCommand } from '../commands/pagar-reserva/pagar-reserva.command.js';
import { RevertirPagoCommand } from '../commands/revertir-pago/revertir-pago.command.js';

/**
 * comandos-pagos → commands. The transport has validated the payload and runs each handler in a
 * unit of work with the inbox, so a redelivered message id is skipped.
 */
@Controller()
export class ComandosPagosConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern<string>(PagarReserva.type)
  pagar(@Payload() p: PagarReservaPayload, @Ctx() context: MessageContext): Promise<void> {
    return this.commands.execute(new PagarReservaCommand(p.id_reserva, p.monto, p.moneda, p.token, context.envelope));
  }

  @EventPattern<string>(RevertirPago.type)
  revertir(@Payload() p: RevertirPagoPayload, @Ctx() context: MessageContext): Promise<void> {
    return this.commands.execute(new RevertirPagoCommand(p.id_reserva, context.envelope));
  }
}
