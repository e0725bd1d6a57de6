import { Injectable, Logger } from '@nestjs/common';
import { Enviador } from '../application/enviador.js';
import type { Notificacion } from '../domain/notificacion.js';

/** The simulated email channel: "sending" is a log line (the notification is already recorded). */
@Injectable()
export class EmailPorLog extends Enviador {
  private readonly logger = new Logger('Notificaciones');

  enviar(notificacion: Notificacion): void {
    const { id, tipo, id_reserva, canal } = notificacion.props;
    this.logger.log(`notificación ${id} enviada por ${canal}: ${tipo} de la reserva ${id_reserva}`);
  }
}
