import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '#seedwork';
import type { DisponibilidadView } from '../../disponibilidad.view.js';
import { SqlInventario } from '../../infrastructure/sql-inventario.js';
import { FijarDisponibilidadCommand } from './fijar-disponibilidad.command.js';

/** Sets the seats left on a route and day (how an operator, or a test, stocks the simulated GDS). */
@CommandHandler(FijarDisponibilidadCommand)
export class FijarDisponibilidadHandler implements ICommandHandler<FijarDisponibilidadCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly inventario: SqlInventario,
  ) {}

  async execute({ clave, cupos }: FijarDisponibilidadCommand): Promise<DisponibilidadView> {
    await this.uow.run(() => this.inventario.fijar(clave, cupos));
    return { ...clave, cupos };
  }
}
