/** The shape of a reserva's itinerary, as API.md gives it: itinerarios → odos → segmentos → legs. */
export interface Aeropuerto {
  codigo: string;
  nombre: string;
}

export interface Leg {
  fecha_salida: string;
  fecha_llegada: string;
  origen: Aeropuerto;
  destino: Aeropuerto;
}

export interface Segmento {
  legs: Leg[];
}

export interface Odo {
  segmentos: Segmento[];
}

export interface Itinerario {
  odos: Odo[];
}

/** Every leg of the itinerarios, in order. */
export function legsDe(itinerarios: readonly Itinerario[]): Leg[] {
  return itinerarios.flatMap((i) => i.odos.flatMap((o) => o.segmentos.flatMap((s) => s.legs)));
}
