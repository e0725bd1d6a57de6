import { describe, expect, it } from '@jest/globals';
import type { ClaveInventario } from './clave-inventario.js';
import type { Inventario } from './inventario.js';
import { tomarCupos } from './tomar-cupos.js';

/** An inventory in memory: seats per "origen-destino-fecha", and what was done, in order. */
class InventarioEnMemoria implements Inventario {
  readonly pasos: string[] = [];
  constructor(readonly cupos: Record<string, number>) {}

  async tomar(clave: ClaveInventario): Promise<boolean> {
    const k = texto(clave);
    if ((this.cupos[k] ?? 0) <= 0) return false;
    this.cupos[k] -= 1;
    this.pasos.push(`tomar ${k}`);
    return true;
  }

  async devolver(clave: ClaveInventario): Promise<void> {
    this.cupos[texto(clave)] += 1;
    this.pasos.push(`devolver ${texto(clave)}`);
  }
}

const texto = (c: ClaveInventario) => `${c.origen}-${c.destino}-${c.fecha}`;
const clave = (origen: string, destino: string, fecha = '2026-12-01'): ClaveInventario => ({ origen, destino, fecha });

describe('tomarCupos (all or nothing)', () => {
  it('takes one seat on every key when each has one', async () => {
    const inventario = new InventarioEnMemoria({ 'BOG-MDE-2026-12-01': 2, 'MDE-CTG-2026-12-01': 1 });
    expect(await tomarCupos(inventario, [clave('BOG', 'MDE'), clave('MDE', 'CTG')])).toBe(true);
    expect(inventario.cupos).toEqual({ 'BOG-MDE-2026-12-01': 1, 'MDE-CTG-2026-12-01': 0 });
  });

  it('takes nothing when one key has no seat left', async () => {
    const inventario = new InventarioEnMemoria({ 'BOG-MDE-2026-12-01': 2, 'MDE-CTG-2026-12-01': 0 });
    expect(await tomarCupos(inventario, [clave('BOG', 'MDE'), clave('MDE', 'CTG')])).toBe(false);
    expect(inventario.cupos).toEqual({ 'BOG-MDE-2026-12-01': 2, 'MDE-CTG-2026-12-01': 0 });
  });

  it('gives back, newest first, the seats it took before the key with none', async () => {
    const inventario = new InventarioEnMemoria({ 'A-B-2026-12-01': 1, 'B-C-2026-12-01': 1, 'C-D-2026-12-01': 0 });
    await tomarCupos(inventario, [clave('A', 'B'), clave('B', 'C'), clave('C', 'D')]);
    expect(inventario.pasos).toEqual([
      'tomar A-B-2026-12-01',
      'tomar B-C-2026-12-01',
      'devolver B-C-2026-12-01',
      'devolver A-B-2026-12-01',
    ]);
  });

  it('does not ask for the keys after the one with no seat', async () => {
    const inventario = new InventarioEnMemoria({ 'A-B-2026-12-01': 0, 'B-C-2026-12-01': 5 });
    await tomarCupos(inventario, [clave('A', 'B'), clave('B', 'C')]);
    expect({ pasos: inventario.pasos, cupos: inventario.cupos['B-C-2026-12-01'] }).toEqual({ pasos: [], cupos: 5 });
  });

  it('takes two seats from one key that appears twice, or none when it has only one', async () => {
    const dos = new InventarioEnMemoria({ 'A-B-2026-12-01': 2 });
    const uno = new InventarioEnMemoria({ 'A-B-2026-12-01': 1 });
    const claves = [clave('A', 'B'), clave('A', 'B')];
    expect([await tomarCupos(dos, claves), await tomarCupos(uno, claves)]).toEqual([true, false]);
    expect([dos.cupos['A-B-2026-12-01'], uno.cupos['A-B-2026-12-01']]).toEqual([0, 1]);
  });
});
