import { Query } from '@nestjs/cqrs';
import type { ClienteView } from '../../cliente.view.js';

export class ObtenerClienteQuery extends Query<ClienteView> {
  constructor(readonly id: string) {
    super();
  }
}
