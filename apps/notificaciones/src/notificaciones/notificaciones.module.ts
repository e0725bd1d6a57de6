import { Module } from '@nestjs/common';
import { Enviador } from './application/enviador.js';
import { Notificador } from './application/notificador.js';
import { DesactivarContactoHandler } from './commands/desactivar-contacto/desactivar-contacto.handler.js';
import { NotificarReservaHandler } from './commands/notificar-reserva/notificar-reserva.handler.js';
import { RegistrarContactoHandler } from './commands/registrar-contacto/registrar-contacto.handler.js';
import { AvisoPendienteRepository } from './infrastructure/aviso-pendiente.repository.js';
import { ContactoRepository } from './infrastructure/contacto.repository.js';
import { EmailPorLog } from './infrastructure/email-por-log.js';
import { EventosClienteConsumer } from './infrastructure/eventos-cliente.consumer.js';
import { EventosReservaConsumer } from './infrastructure/eventos-reserva.consumer.js';
import { NotificacionRepository } from './infrastructure/notificacion.repository.js';
import { ListarNotificacionesHandler } from './queries/listar-notificaciones/listar-notificaciones.handler.js';
import { ListarNotificacionesHttpController } from './queries/listar-notificaciones/listar-notificaciones.http.controller.js';

@Module({
  controllers: [ListarNotificacionesHttpController, EventosClienteConsumer, EventosReservaConsumer],
  providers: [
    ContactoRepository,
    NotificacionRepository,
    AvisoPendienteRepository,
    { provide: Enviador, useClass: EmailPorLog },
    Notificador,
    RegistrarContactoHandler,
    DesactivarContactoHandler,
    NotificarReservaHandler,
    ListarNotificacionesHandler,
  ],
})
export class NotificacionesFeatureModule {}
