import { type DynamicModule, Module } from '@nestjs/common';
import { EventStore, ServiceModule, type ServiceInfrastructure, UnitOfWork } from '#seedwork';
import { AEROALPES_CONFIG, aeroalpesConfig } from './config.js';
import { AprobarReservaHandler } from './reservas/commands/aprobar-reserva/aprobar-reserva.handler.js';
import { CancelarReservaHandler } from './reservas/commands/cancelar-reserva/cancelar-reserva.handler.js';
import { CrearReservaHandler } from './reservas/commands/crear-reserva/crear-reserva.handler.js';
import { CrearReservaHttpController } from './reservas/commands/crear-reserva/crear-reserva.http.controller.js';
import { RegistrarConfirmacionHandler } from './reservas/commands/registrar-confirmacion/registrar-confirmacion.handler.js';
import { RegistrarPagoHandler } from './reservas/commands/registrar-pago/registrar-pago.handler.js';
import { ComandosReservaConsumer } from './reservas/infrastructure/comandos-reserva.consumer.js';
import { IdempotencyRepository } from './reservas/infrastructure/idempotency.repository.js';
import { ReservaRepository } from './reservas/infrastructure/reserva.repository.js';
import { Respuestas } from './reservas/infrastructure/respuestas.js';
import { ListarEventosHandler } from './reservas/queries/listar-eventos/listar-eventos.handler.js';
import { ObtenerReservaHandler } from './reservas/queries/obtener-reserva/obtener-reserva.handler.js';
import { ObtenerReservaHttpController } from './reservas/queries/obtener-reserva/obtener-reserva.http.controller.js';
import { ListarReservasHandler } from './reservas/queries/listar-reservas/listar-reservas.handler.js';
import { ListarReservasHttpController } from './reservas/queries/listar-reservas/listar-reservas.http.controller.js';
import { PivoteReservasHandler } from './reservas/queries/pivote-reservas/pivote-reservas.handler.js';
import { ProyeccionesLifecycle, proyeccionesProvider } from './reservas/projections/proyecciones.provider.js';
import { ProyeccionesHttpController } from './admin/proyecciones.http.controller.js';
import { ReservaSagaHooks } from './sagas/reserva-saga.hooks.js';
import { RespuestasSagaConsumer } from './sagas/respuestas-saga.consumer.js';
import { sagaReservasProvider } from './sagas/saga-reservas.provider.js';
import { SagasHttpController } from './sagas/sagas.http.controller.js';
import { VencimientosTicker } from './sagas/vencimientos.ticker.js';

@Module({})
export class AeroalpesModule {
  static register(infrastructure: ServiceInfrastructure): DynamicModule {
    const config = aeroalpesConfig();
    return {
      module: AeroalpesModule,
      imports: [ServiceModule.forRoot(infrastructure)],
      controllers: [
        CrearReservaHttpController,
        ListarReservasHttpController,
        ObtenerReservaHttpController,
        SagasHttpController,
        ProyeccionesHttpController,
        ComandosReservaConsumer,
        RespuestasSagaConsumer,
      ],
      providers: [
        { provide: AEROALPES_CONFIG, useValue: config },
        { provide: EventStore, inject: [UnitOfWork], useFactory: (uow: UnitOfWork) => new EventStore(uow) },
        proyeccionesProvider,
        ProyeccionesLifecycle,
        ReservaRepository,
        IdempotencyRepository,
        Respuestas,
        ReservaSagaHooks,
        sagaReservasProvider,
        VencimientosTicker,
        CrearReservaHandler,
        AprobarReservaHandler,
        CancelarReservaHandler,
        RegistrarPagoHandler,
        RegistrarConfirmacionHandler,
        ObtenerReservaHandler,
        ListarEventosHandler,
        ListarReservasHandler,
        PivoteReservasHandler,
      ],
    };
  }
}
