import { Command } from '@nestjs/cqrs';
import type { ClaveInventario } from '../../domain/clave-inventario.js';
import type { DisponibilidadView } from '../../disponibilidad.view.js';

export class FijarDisponibilidadCommand extends Command<DisponibilidadView> {
  constructor(
    readonly clave: ClaveInventario,
    readonly cupos: number,
  ) {
    super();
  }
}
