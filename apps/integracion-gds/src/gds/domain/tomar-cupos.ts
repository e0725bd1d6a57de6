import type { ClaveInventario } from './clave-inventario.js';
import type { Inventario } from './inventario.js';

/**
 * Takes one seat on every key, all or nothing: when one counter is at 0, the seats already taken
 * are given back and the answer is false. Meant to run inside one transaction.
 */
export async function tomarCupos(inventario: Inventario, claves: readonly ClaveInventario[]): Promise<boolean> {
  const tomadas: ClaveInventario[] = [];
  for (const clave of claves) {
    if (!(await inventario.tomar(clave))) {
      for (const tomada of tomadas.reverse()) await inventario.devolver(tomada);
      return false;
    }
    tomadas.push(clave);
  }
  return true;
}
