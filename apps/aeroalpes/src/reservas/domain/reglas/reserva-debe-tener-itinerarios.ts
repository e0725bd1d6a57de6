import type { BusinessRule } from '#seedwork/domain';
import type { Itinerario } from '../itinerario.js';

/** A reserva has at least one itinerario, each with odos, segmentos and legs. */
export class ReservaDebeTenerItinerarios implements BusinessRule {
  readonly code = 'RESERVA.SIN_ITINERARIOS';
  readonly message = 'Una reserva necesita al menos un itinerario, y cada nivel al menos un elemento';

  constructor(private readonly itinerarios: readonly Itinerario[]) {}

  isBroken(): boolean {
    return (
      this.itinerarios.length === 0 ||
      this.itinerarios.some(
        (i) => i.odos.length === 0 || i.odos.some((o) => o.segmentos.length === 0 || o.segmentos.some((s) => s.legs.length === 0)),
      )
    );
  }
}
