import type { Notificacion } from '../domain/notificacion.js';

/** The channel a recorded notification leaves through (the port; EmailPorLog is the adapter). */
export abstract class Enviador {
  abstract enviar(notificacion: Notificacion): void | Promise<void>;
}
