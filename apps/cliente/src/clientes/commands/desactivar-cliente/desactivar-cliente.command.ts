import { Command } from '@nestjs/cqrs';
import type { ClienteView } from '../../cliente.view.js';

export class DesactivarClienteCommand extends Command<ClienteView> {
  constructor(readonly id: string) {
    super();
  }
}
