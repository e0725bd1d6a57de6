import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '#seedwork';
import { ContactoRepository } from '../../infrastructure/contacto.repository.js';
import { DesactivarContactoCommand } from './desactivar-contacto.command.js';

@CommandHandler(DesactivarContactoCommand)
export class DesactivarContactoHandler implements ICommandHandler<DesactivarContactoCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly contactos: ContactoRepository,
  ) {}

  async execute({ id_cliente }: DesactivarContactoCommand): Promise<void> {
    await this.uow.run(() => this.contactos.marcarDesactivado(id_cliente, new Date().toISOString()));
  }
}
