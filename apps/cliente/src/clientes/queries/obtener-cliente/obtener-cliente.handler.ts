import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '#seedwork';
import { clienteView, type ClienteView } from '../../cliente.view.js';
import { ClienteNoEncontrado } from '../../domain/cliente.errors.js';
import { ClienteRepository } from '../../infrastructure/cliente.repository.js';
import { ObtenerClienteQuery } from './obtener-cliente.query.js';

@QueryHandler(ObtenerClienteQuery)
export class ObtenerClienteHandler implements IQueryHandler<ObtenerClienteQuery> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clientes: ClienteRepository,
  ) {}

  async execute({ id }: ObtenerClienteQuery): Promise<ClienteView> {
    // In a unit of work: on SQLite a read outside one could see another's uncommitted rows.
    const cliente = await this.uow.run(() => this.clientes.porId(id));
    if (!cliente) throw new ClienteNoEncontrado(id);
    return clienteView(cliente);
  }
}
