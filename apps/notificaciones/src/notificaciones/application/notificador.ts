import { Injectable } from '@nestjs/common';
import { newId, UnitOfWork } from '#seedwork';
import type { AvisoReserva } from '../domain/aviso-reserva.js';
import type { Contacto } from '../domain/contacto.js';
import { Notificacion } from '../domain/notificacion.js';
import { NotificacionRepository } from '../infrastructure/notificacion.repository.js';
import { Enviador } from './enviador.js';

/**
 * Records the one notification of an aviso and sends it once its transaction has committed.
 * A second aviso for the same reserva and tipo, however it arrives (redelivery, another message
 * id, a concurrent consumer), finds it recorded (check, then the unique index) and sends nothing.
 */
@Injectable()
export class Notificador {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly notificaciones: NotificacionRepository,
    private readonly enviador: Enviador,
  ) {}

  async notificar(aviso: AvisoReserva, contacto: Contacto): Promise<void> {
    await this.uow.run(async (tx) => {
      if (await this.notificaciones.existe(aviso.id_reserva, aviso.tipo)) return;
      const notificacion = Notificacion.paraAviso(aviso, contacto, newId());
      if (await this.notificaciones.agregar(notificacion)) tx.afterCommit(() => this.enviador.enviar(notificacion));
    });
  }
}
