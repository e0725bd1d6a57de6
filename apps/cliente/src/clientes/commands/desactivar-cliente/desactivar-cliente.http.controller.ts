import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ClienteView } from '../../cliente.view.js';
import { DesactivarClienteCommand } from './desactivar-cliente.command.js';

@Controller('clientes')
export class DesactivarClienteHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** 200 with the cliente INACTIVO (also when it already was); 404 for an unknown id. */
  @Post(':id/desactivar')
  @HttpCode(200)
  desactivar(@Param('id') id: string): Promise<ClienteView> {
    return this.commands.execute(new DesactivarClienteCommand(id));
  }
}
