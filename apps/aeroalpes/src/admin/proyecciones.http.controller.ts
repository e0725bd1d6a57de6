import { Controller, Get, HttpCode, Inject, Logger, Param, Post } from '@nestjs/common';
import { ProjectionRunner, type ProjectionStatus } from '#seedwork';
import { PROYECCIONES } from '../reservas/projections/proyecciones.provider.js';

/** Operating the read side: lag of each projection, and rebuilds from the event store while serving. */
@Controller('admin/proyecciones')
export class ProyeccionesHttpController {
  private readonly logger = new Logger('Proyecciones');

  constructor(@Inject(PROYECCIONES) private readonly runner: ProjectionRunner) {}

  @Get()
  async estado(): Promise<ProjectionStatus[]> {
    return this.runner.status();
  }

  /** 202: the rebuild runs in the background; follow it at GET /admin/proyecciones. 404 unknown, 409 already running. */
  @Post(':nombre/reconstruir')
  @HttpCode(202)
  reconstruir(@Param('nombre') nombre: string): { nombre: string; estado: 'RECONSTRUYENDO' } {
    const started = Date.now();
    const { done } = this.runner.rebuild(nombre);
    this.logger.log(`rebuilding projection ${nombre} from position 0`);
    done.then(
      () => this.logger.log(`projection ${nombre} rebuilt and switched in after ${Date.now() - started} ms`),
      (error: unknown) => this.logger.error(`rebuild of ${nombre} failed: ${String(error)}`),
    );
    return { nombre, estado: 'RECONSTRUYENDO' };
  }
}
