import type { AvisoReserva } from './aviso-reserva.js';
import type { Contacto } from './contacto.js';

export interface Contenido {
  asunto: string;
  cuerpo: string;
}

/** The email's subject and body, in Spanish, naming the reserva. */
export function contenidoDe(aviso: AvisoReserva, contacto: Contacto): Contenido {
  const saludo = `Hola ${contacto.nombres}:`;
  switch (aviso.tipo) {
    case 'RESERVA_APROBADA':
      return {
        asunto: `Tu reserva ${aviso.id_reserva} fue aprobada`,
        cuerpo: `${saludo} tu reserva ${aviso.id_reserva} fue aprobada y tus vuelos están confirmados. ¡Gracias por volar con AeroAlpes!`,
      };
    case 'RESERVA_CANCELADA':
      return {
        asunto: `Tu reserva ${aviso.id_reserva} fue cancelada`,
        cuerpo: `${saludo} lamentamos informarte que tu reserva ${aviso.id_reserva} fue cancelada.${aviso.motivo ? ` Motivo: ${aviso.motivo}.` : ''}`,
      };
    default: {
      const exhaustive: never = aviso.tipo;
      throw new Error(`no content for ${String(exhaustive)}`);
    }
  }
}
