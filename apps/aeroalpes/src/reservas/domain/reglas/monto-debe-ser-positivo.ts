import type { BusinessRule } from '#seedwork/domain';

/** Larger than any fare: an amount must fit the read model's DECIMAL(16,2) and pagos' cents. */
const MONTO_MAXIMO = 1_000_000_000_000;

/** The amount to pay is positive, at most MONTO_MAXIMO, with at most two decimals. */
export class MontoDebeSerPositivo implements BusinessRule {
  readonly code = 'RESERVA.MONTO_INVALIDO';
  readonly message = 'El monto debe ser positivo, no mayor que 10^12 y tener a lo sumo dos decimales';

  constructor(private readonly monto: number) {}

  isBroken(): boolean {
    // Not `Math.round(m * 100) !== m * 100`: 19.99 * 100 is 1998.9999999999998 in floating point.
    return !(this.monto > 0) || this.monto > MONTO_MAXIMO || Number(this.monto.toFixed(2)) !== this.monto;
  }
}
