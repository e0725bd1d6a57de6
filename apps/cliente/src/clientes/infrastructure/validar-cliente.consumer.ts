import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ValidarCliente, type ValidarClientePayload } from '#contracts';
import { MessageContext } from '#seedwork';
import { ValidarClienteCommand } from '../commands/validar-cliente/validar-cliente.command.js';

/** ValidarCliente (comandos-cliente) → ValidarClienteCommand. The transport runs it in a unit of work with the inbox. */
@Controller()
export class ValidarClienteConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern<string>(ValidarCliente.type)
  validar(@Payload() payload: ValidarClientePayload, @Ctx() context: MessageContext): Promise<void> {
    return this.commands.execute(new ValidarClienteCommand(payload.id_reserva, payload.id_cliente, context.envelope));
  }
}
