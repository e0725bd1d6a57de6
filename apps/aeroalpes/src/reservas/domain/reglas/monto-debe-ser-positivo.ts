import type { BusinessRule } from '#seedwork';

/** The amount to pay is positive, with at most two decimals. */
export class MontoDebeSerPositivo implements BusinessRule {
  readonly code = 'RESERVA.MONTO_INVALIDO';
  readonly message = 'El monto debe ser positivo y tener a lo sumo dos decimales';

  constructor(private readonly monto: number) {}

  isBroken(): boolean {
    // Not `Math.round(m * 100) !== m * 100`: 19.99 * 100 is 1998.9999999999998 in floating point.
    return !(this.monto > 0) || Number(this.monto.toFixed(2)) !== this.monto;
  }
}
