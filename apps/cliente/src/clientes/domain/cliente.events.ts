import type { DomainEvent } from '#seedwork/domain';

export type ClienteRegistradoEvento = DomainEvent<
  'ClienteRegistrado',
  { id_cliente: string; nombres: string; apellidos: string; email: string; fecha_registro: string }
>;
export type ClienteDesactivadoEvento = DomainEvent<'ClienteDesactivado', { id_cliente: string }>;

export type ClienteEvento = ClienteRegistradoEvento | ClienteDesactivadoEvento;
