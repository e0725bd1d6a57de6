import { Module } from '@nestjs/common';
import { DesactivarClienteHandler } from './commands/desactivar-cliente/desactivar-cliente.handler.js';
import { DesactivarClienteHttpController } from './commands/desactivar-cliente/desactivar-cliente.http.controller.js';
import { RegistrarClienteHandler } from './commands/registrar-cliente/registrar-cliente.handler.js';
import { RegistrarClienteHttpController } from './commands/registrar-cliente/registrar-cliente.http.controller.js';
import { ValidarClienteHandler } from './commands/validar-cliente/validar-cliente.handler.js';
import { ClienteRepository } from './infrastructure/cliente.repository.js';
import { ValidarClienteConsumer } from './infrastructure/validar-cliente.consumer.js';
import { ObtenerClienteHandler } from './queries/obtener-cliente/obtener-cliente.handler.js';
import { ObtenerClienteHttpController } from './queries/obtener-cliente/obtener-cliente.http.controller.js';

@Module({
  controllers: [RegistrarClienteHttpController, ObtenerClienteHttpController, DesactivarClienteHttpController, ValidarClienteConsumer],
  providers: [ClienteRepository, RegistrarClienteHandler, DesactivarClienteHandler, ValidarClienteHandler, ObtenerClienteHandler],
})
export class ClientesModule {}
