import type { BusinessRule } from '#seedwork/domain';
import type { AvisoReserva } from '../aviso-reserva.js';
import type { Contacto } from '../contacto.js';

/** A notification about a reserva goes to the cliente who made it, nobody else. */
export class AvisoDelContacto implements BusinessRule {
  readonly code = 'NOTIFICACION.OTRO_DESTINATARIO';
  readonly message = 'La notificación de una reserva solo se envía al cliente de la reserva';

  constructor(
    private readonly aviso: AvisoReserva,
    private readonly contacto: Contacto,
  ) {}

  isBroken(): boolean {
    return this.aviso.id_cliente !== this.contacto.id_cliente;
  }
}
