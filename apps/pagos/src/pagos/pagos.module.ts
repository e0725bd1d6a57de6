import { Module } from '@nestjs/common';
import { PagarReservaHandler } from './commands/pagar-reserva/pagar-reserva.handler.js';
import { RevertirPagoHandler } from './commands/revertir-pago/revertir-pago.handler.js';
import { ComandosPagosConsumer } from './infrastructure/comandos-pagos.consumer.js';
import { PagoRepository } from './infrastructure/pago.repository.js';
import { ListarPagosHandler } from './queries/listar-pagos/listar-pagos.handler.js';
import { ListarPagosHttpController } from './queries/listar-pagos/listar-pagos.http.controller.js';

@Module({
  controllers: [ListarPagosHttpController, ComandosPagosConsumer],
  providers: [PagoRepository, PagarReservaHandler, RevertirPagoHandler, ListarPagosHandler],
})
export class PagosFeatureModule {}
