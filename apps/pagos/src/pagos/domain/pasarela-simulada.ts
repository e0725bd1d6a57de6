import type { MotivoRechazo } from './estado-pago.js';

/** Test tokens, as payment gateways offer them. */
export const TOKEN_APROBADO = 'tok_ok';
export const TOKEN_SIN_FONDOS = 'tok_declined';

/**
 * The simulated gateway's decision on a card token: null when it approves (`tok_ok`),
 * FONDOS_INSUFICIENTES for `tok_declined`, TOKEN_INVALIDO for any other token.
 */
export function motivoDeRechazo(token: string): MotivoRechazo | null {
  if (token === TOKEN_APROBADO) return null;
  if (token === TOKEN_SIN_FONDOS) return 'FONDOS_INSUFICIENTES';
  return 'TOKEN_INVALIDO';
}
