import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ClienteDesactivado, type ClienteDesactivadoPayload, ClienteRegistrado, type ClienteRegistradoPayload } from '#contracts';
import { DesactivarContactoCommand } from '../commands/desactivar-contacto/desactivar-contacto.command.js';
import { RegistrarContactoCommand } from '../commands/registrar-contacto/registrar-contacto.command.js';

/** eventos-cliente → commands. The transport runs each in a unit of work with the inbox. */
@Controller()
export class EventosClienteConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern<string>(ClienteRegistrado.type)
  registrado(@Payload() { id_cliente, nombres, email, fecha_registro }: ClienteRegistradoPayload): Promise<void> {
    return this.commands.execute(new RegistrarContactoCommand({ id_cliente, nombres, email }, fecha_registro));
  }

  @EventPattern<string>(ClienteDesactivado.type)
  desactivado(@Payload() { id_cliente }: ClienteDesactivadoPayload): Promise<void> {
    return this.commands.execute(new DesactivarContactoCommand(id_cliente));
  }
}
