import { checkRule, Entity } from '#seedwork/domain';
import type { AvisoReserva } from './aviso-reserva.js';
import type { Contacto } from './contacto.js';
import { contenidoDe } from './contenido-notificacion.js';
import { AvisoDelContacto } from './reglas/aviso-del-contacto.js';
import type { TipoNotificacion } from './tipo-notificacion.js';

export interface NotificacionProps {
  id: string;
  id_cliente: string;
  id_reserva: string;
  canal: 'email';
  destinatario: string;
  tipo: TipoNotificacion;
  asunto: string;
  cuerpo: string;
  enviada_en: string;
}

/** An email sent to a cliente about one of its reservas. There is one per (reserva, tipo). */
export class Notificacion extends Entity<string> {
  private constructor(readonly props: Readonly<NotificacionProps>) {
    super(props.id);
  }

  static paraAviso(aviso: AvisoReserva, contacto: Contacto, id: string, ahora: Date = new Date()): Notificacion {
    checkRule(new AvisoDelContacto(aviso, contacto));
    return new Notificacion({
      id,
      id_cliente: aviso.id_cliente,
      id_reserva: aviso.id_reserva,
      canal: 'email',
      destinatario: contacto.email,
      tipo: aviso.tipo,
      ...contenidoDe(aviso, contacto),
      enviada_en: ahora.toISOString(),
    });
  }

  static restaurar(props: NotificacionProps): Notificacion {
    return new Notificacion({ ...props });
  }
}
