export const ESTADOS_PAGO = ['APROBADO', 'RECHAZADO', 'REVERTIDO'] as const;
export type EstadoPago = (typeof ESTADOS_PAGO)[number];

/** Why a PagarReserva is answered PagoRechazado. */
export type MotivoRechazo = 'FONDOS_INSUFICIENTES' | 'TOKEN_INVALIDO' | 'PAGO_REVERTIDO';
