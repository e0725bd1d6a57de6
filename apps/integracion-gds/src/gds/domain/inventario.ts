import type { ClaveInventario } from './clave-inventario.js';

/** The GDS's seat counters, as the domain needs them. Each call is one atomic step. */
export interface Inventario {
  /** Takes one seat if there is one left; false (taking nothing) when the counter is at 0. */
  tomar(clave: ClaveInventario): Promise<boolean>;
  /** Gives one seat back. */
  devolver(clave: ClaveInventario): Promise<void>;
}
