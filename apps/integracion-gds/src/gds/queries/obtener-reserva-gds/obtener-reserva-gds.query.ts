import { Query } from '@nestjs/cqrs';
import type { ReservaGdsView } from '../../reserva-gds.view.js';

export class ObtenerReservaGdsQuery extends Query<ReservaGdsView> {
  constructor(readonly id_reserva: string) {
    super();
  }
}
