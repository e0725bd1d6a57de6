import type { Cliente } from './cliente.js';

export type MotivoRechazo = 'CLIENTE_NO_EXISTE' | 'CLIENTE_INACTIVO';

/** Why a cliente cannot make a reserva, or null when it can: it exists and is ACTIVO. */
export function motivoParaNoReservar(cliente: Cliente | undefined): MotivoRechazo | null {
  if (!cliente) return 'CLIENTE_NO_EXISTE';
  if (cliente.estado === 'INACTIVO') return 'CLIENTE_INACTIVO';
  return null;
}
