import { type Envelope, envelope } from '#seedwork';
import { ClienteDesactivado, ClienteRegistrado, type ClienteDesactivadoPayload, type ClienteRegistradoPayload } from '#contracts';
import type { ClienteEvento } from '../domain/cliente.events.js';

export const SERVICIO = 'cliente';

/**
 * The integration event published on eventos-cliente for a domain event. Outside a saga the
 * correlation id is the cliente's id, so that a cliente's events are delivered in order.
 */
export function eventoDeIntegracion(evento: ClienteEvento): Envelope {
  const comun = { source: SERVICIO, correlationId: evento.datos.id_cliente, occurredAt: new Date(evento.ocurrido_en) };
  switch (evento.tipo) {
    case 'ClienteRegistrado':
      return envelope<ClienteRegistradoPayload>({ ...comun, type: ClienteRegistrado.type, payload: { ...evento.datos } });
    case 'ClienteDesactivado':
      return envelope<ClienteDesactivadoPayload>({ ...comun, type: ClienteDesactivado.type, payload: { ...evento.datos } });
    default: {
      const exhaustive: never = evento;
      throw new Error(`no integration event for ${String(exhaustive)}`);
    }
  }
}
