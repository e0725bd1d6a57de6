/**
 * What notificaciones knows of a cliente, learnt from ClienteRegistrado: where to write and how
 * to greet. A deactivated contacto is still written to about reservas it already made.
 */
export interface Contacto {
  id_cliente: string;
  nombres: string;
  email: string;
}
