import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId, UnitOfWork } from '#seedwork';
import { clienteView, type ClienteView } from '../../cliente.view.js';
import { Cliente } from '../../domain/cliente.js';
import { ClienteRepository } from '../../infrastructure/cliente.repository.js';
import { RegistrarClienteCommand } from './registrar-cliente.command.js';

@CommandHandler(RegistrarClienteCommand)
export class RegistrarClienteHandler implements ICommandHandler<RegistrarClienteCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clientes: ClienteRepository,
  ) {}

  async execute({ nombres, apellidos, email }: RegistrarClienteCommand): Promise<ClienteView> {
    const cliente = Cliente.registrar({ id: newId(), nombres, apellidos, email });
    await this.uow.run(() => this.clientes.agregar(cliente));
    return clienteView(cliente);
  }
}
