export const TIPOS_NOTIFICACION = ['RESERVA_APROBADA', 'RESERVA_CANCELADA'] as const;
export type TipoNotificacion = (typeof TIPOS_NOTIFICACION)[number];
