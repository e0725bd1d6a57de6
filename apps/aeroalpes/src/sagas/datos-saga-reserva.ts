import type { LegPayload } from '#contracts';

/** What the reserva saga carries from step to step. */
export interface DatosSagaReserva {
  id_reserva: string;
  id_cliente: string;
  monto: number;
  moneda: string;
  /** The payment token: a test token of the simulated gateway. */
  token: string;
  legs: LegPayload[];
  id_pago?: string;
  localizador?: string;
}
