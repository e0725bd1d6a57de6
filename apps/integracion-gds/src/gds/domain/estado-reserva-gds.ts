export const ESTADOS_RESERVA_GDS = ['CONFIRMADA', 'REVERTIDA', 'RECHAZADA'] as const;
export type EstadoReservaGds = (typeof ESTADOS_RESERVA_GDS)[number];

/** Why a ConfirmarReserva is answered ConfirmacionGDSFallida. */
export type MotivoFallo = 'SIN_CUPO' | 'CONFIRMACION_REVERTIDA';
