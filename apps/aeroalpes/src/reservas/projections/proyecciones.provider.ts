import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { EventStore, ProjectionRunner, UnitOfWork } from '#seedwork';
import { PivoteProjection } from './pivote.projection.js';
import { ReservasListaProjection } from './reservas-lista.projection.js';

export const PROYECCIONES = Symbol('Proyecciones');

/**
 * Least time between projection passes. Under load, one pass folds the events of the commits of
 * those milliseconds (one transaction instead of one per commit); a quiet service passes at once.
 */
const PROJECTION_SPACING_MS = 10;

/** The read side of reservas: both projections fed from the event store by one runner. */
export const proyeccionesProvider: Provider = {
  provide: PROYECCIONES,
  inject: [UnitOfWork, EventStore],
  useFactory: (uow: UnitOfWork, eventStore: EventStore) => {
    const logger = new Logger('Proyecciones');
    return new ProjectionRunner(uow, eventStore, [new ReservasListaProjection(), new PivoteProjection()], {
      batchSize: 500,
      pollMs: 250,
      spacingMs: PROJECTION_SPACING_MS,
      onError: (error) => logger.error(`projection pass failed: ${String(error)}; will retry`),
    });
  },
};

/** Starts the runner once the service is up (catching up on whatever it missed), stops it first at shutdown. */
@Injectable()
export class ProyeccionesLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(PROYECCIONES) private readonly runner: ProjectionRunner) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
