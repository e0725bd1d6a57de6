import type { Cliente } from './domain/cliente.js';
import type { EstadoCliente } from './domain/estado-cliente.js';

/** A cliente as the API shows it (API.md, cliente). */
export interface ClienteView {
  id: string;
  nombres: string;
  apellidos: string;
  email: string;
  estado: EstadoCliente;
  fecha_registro: string;
}

export function clienteView(cliente: Cliente): ClienteView {
  const { id, nombres, apellidos, email, estado, fecha_registro } = cliente.snapshot();
  return { id, nombres, apellidos, email, estado, fecha_registro };
}
