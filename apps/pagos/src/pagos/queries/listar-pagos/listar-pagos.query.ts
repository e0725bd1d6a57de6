import { Query } from '@nestjs/cqrs';
import type { PagoView } from '../../pago.view.js';

export class ListarPagosQuery extends Query<PagoView[]> {
  constructor(readonly id_reserva?: string) {
    super();
  }
}
