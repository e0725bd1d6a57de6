import { type DynamicModule, Module } from '@nestjs/common';
import { ConfirmarReservaHandler } from './commands/confirmar-reserva/confirmar-reserva.handler.js';
import { FijarDisponibilidadHandler } from './commands/fijar-disponibilidad/fijar-disponibilidad.handler.js';
import { FijarDisponibilidadHttpController } from './commands/fijar-disponibilidad/fijar-disponibilidad.http.controller.js';
import { RevertirConfirmacionHandler } from './commands/revertir-confirmacion/revertir-confirmacion.handler.js';
import { ComandosGdsConsumer } from './infrastructure/comandos-gds.consumer.js';
import { CUPOS_POR_DEFECTO } from './infrastructure/cupos-por-defecto.js';
import { ReservaGdsRepository } from './infrastructure/reserva-gds.repository.js';
import { SqlInventario } from './infrastructure/sql-inventario.js';
import { ConsultarDisponibilidadHandler } from './queries/consultar-disponibilidad/consultar-disponibilidad.handler.js';
import { ConsultarDisponibilidadHttpController } from './queries/consultar-disponibilidad/consultar-disponibilidad.http.controller.js';
import { ObtenerReservaGdsHandler } from './queries/obtener-reserva-gds/obtener-reserva-gds.handler.js';
import { ObtenerReservaGdsHttpController } from './queries/obtener-reserva-gds/obtener-reserva-gds.http.controller.js';

@Module({})
export class GdsModule {
  static register(cuposPorDefecto: number): DynamicModule {
    return {
      module: GdsModule,
      controllers: [
        FijarDisponibilidadHttpController,
        ConsultarDisponibilidadHttpController,
        ObtenerReservaGdsHttpController,
        ComandosGdsConsumer,
      ],
      providers: [
        { provide: CUPOS_POR_DEFECTO, useValue: cuposPorDefecto },
        SqlInventario,
        ReservaGdsRepository,
        ConfirmarReservaHandler,
        RevertirConfirmacionHandler,
        FijarDisponibilidadHandler,
        ConsultarDisponibilidadHandler,
        ObtenerReservaGdsHandler,
      ],
    };
  }
}
