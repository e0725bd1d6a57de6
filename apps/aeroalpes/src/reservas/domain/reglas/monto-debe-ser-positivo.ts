import type { BusinessRule } from '#seedwork';

/** The amount to pay is positive, with at most two decimals. */
export class MontoDebeSerPositivo implements BusinessRule {
  readonly code = 'RESERVA.MONTO_INVALIDO';
  readonly message = 'El monto debe ser positivo y tener a lo sumo dos decimales';

  constructor(private readonly monto: number) {}

  isBroken(): boolean {
    return !(this.monto > 0) || Math.round(this.monto * 100) !== this.monto * 100;
  }
}
