import { Query } from '@nestjs/cqrs';
import type { ClaveInventario } from '../../domain/clave-inventario.js';
import type { DisponibilidadView } from '../../disponibilidad.view.js';

export class ConsultarDisponibilidadQuery extends Query<DisponibilidadView> {
  constructor(readonly clave: ClaveInventario) {
    super();
  }
}
