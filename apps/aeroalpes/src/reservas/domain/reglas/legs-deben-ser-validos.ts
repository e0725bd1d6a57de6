import type { BusinessRule } from '#seedwork/domain';
import { type Leg } from '../itinerario.js';

/** Each leg lands after it departs, between two different airports. */
export class LegsDebenSerValidos implements BusinessRule {
  readonly code = 'RESERVA.LEG_INVALIDO';
  readonly message = 'Cada leg debe llegar después de salir y unir dos aeropuertos distintos';

  constructor(private readonly legs: readonly Leg[]) {}

  isBroken(): boolean {
    // Written so that an unreadable time (NaN) breaks the rule too.
    return this.legs.some((l) => !(Date.parse(l.fecha_llegada) > Date.parse(l.fecha_salida)) || l.origen.codigo === l.destino.codigo);
  }
}
