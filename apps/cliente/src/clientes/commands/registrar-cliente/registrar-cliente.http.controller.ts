import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { ClienteView } from '../../cliente.view.js';
import { RegistrarClienteCommand } from './registrar-cliente.command.js';
import { RegistrarClienteRequest } from './registrar-cliente.request.dto.js';

@Controller('clientes')
export class RegistrarClienteHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** 201 with the new cliente and its Location; 409 when the email is already registered. */
  @Post()
  async registrar(@Body() body: RegistrarClienteRequest, @Res({ passthrough: true }) res: Response): Promise<ClienteView> {
    const cliente = await this.commands.execute(new RegistrarClienteCommand(body.nombres, body.apellidos, body.email));
    res.location(`/clientes/${cliente.id}`);
    return cliente;
  }
}
