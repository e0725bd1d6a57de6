import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '#seedwork';
import { clienteView, type ClienteView } from '../../cliente.view.js';
import { ClienteModificadoConcurrentemente, ClienteNoEncontrado } from '../../domain/cliente.errors.js';
import { ClienteRepository } from '../../infrastructure/cliente.repository.js';
import { DesactivarClienteCommand } from './desactivar-cliente.command.js';

const INTENTOS = 3;

/** Idempotent: deactivating an INACTIVO cliente answers it as it is and publishes nothing. */
@CommandHandler(DesactivarClienteCommand)
export class DesactivarClienteHandler implements ICommandHandler<DesactivarClienteCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clientes: ClienteRepository,
  ) {}

  async execute({ id }: DesactivarClienteCommand): Promise<ClienteView> {
    for (let intento = 1; ; intento += 1) {
      try {
        return await this.uow.run(() => this.desactivar(id));
      } catch (error) {
        // A concurrent deactivation won: the next attempt finds the cliente INACTIVO.
        if (!(error instanceof ClienteModificadoConcurrentemente) || intento >= INTENTOS) throw error;
      }
    }
  }

  private async desactivar(id: string): Promise<ClienteView> {
    const cliente = await this.clientes.porId(id);
    if (!cliente) throw new ClienteNoEncontrado(id);
    cliente.desactivar();
    await this.clientes.guardar(cliente);
    return clienteView(cliente);
  }
}
