import { Logger, type Provider } from '@nestjs/common';
import { Outbox, SagaManager, SagaStore, UnitOfWork } from '#seedwork';
import { AEROALPES_CONFIG, type AeroalpesConfig } from '../config.js';
import { COORDINADOR_RESERVAS } from './coordinador-reservas.saga.js';
import type { DatosSagaReserva } from './datos-saga-reserva.js';
import { ReservaSagaHooks } from './reserva-saga.hooks.js';

export const SAGA_RESERVAS = Symbol('SagaReservas');

/** The reserva saga's manager: the definition run against aeroalpes' store and outbox. */
export const sagaReservasProvider: Provider = {
  provide: SAGA_RESERVAS,
  inject: [UnitOfWork, Outbox, AEROALPES_CONFIG, ReservaSagaHooks],
  useFactory: (uow: UnitOfWork, outbox: Outbox, config: AeroalpesConfig, hooks: ReservaSagaHooks) =>
    new SagaManager<DatosSagaReserva>(
      COORDINADOR_RESERVAS,
      new SagaStore(uow),
      outbox,
      uow,
      {
        source: 'aeroalpes',
        timeoutMs: config.SAGA_PASO_TIMEOUT_MS,
        maxIntentosCompensacion: config.SAGA_COMPENSACION_MAX_INTENTOS,
        onError: (error, what) => new Logger('SagaReservas').error(`${what}: ${String(error)}`),
      },
      hooks,
    ),
};
