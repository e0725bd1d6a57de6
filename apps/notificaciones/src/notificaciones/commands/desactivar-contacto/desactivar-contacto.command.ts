import { Command } from '@nestjs/cqrs';

/** From ClienteDesactivado. Reservas the cliente already made are still notified. */
export class DesactivarContactoCommand extends Command<void> {
  constructor(readonly id_cliente: string) {
    super();
  }
}
