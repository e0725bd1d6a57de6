import { Command } from '@nestjs/cqrs';
import type { ClienteView } from '../../cliente.view.js';

export class RegistrarClienteCommand extends Command<ClienteView> {
  constructor(
    readonly nombres: string,
    readonly apellidos: string,
    readonly email: string,
  ) {
    super();
  }
}
