export const ESTADOS_CLIENTE = ['ACTIVO', 'INACTIVO'] as const;
export type EstadoCliente = (typeof ESTADOS_CLIENTE)[number];
