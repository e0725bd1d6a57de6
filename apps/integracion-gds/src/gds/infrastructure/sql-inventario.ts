import { Inject, Injectable } from '@nestjs/common';
import { execute, insertIgnore, UnitOfWork } from '#seedwork';
import type { ClaveInventario } from '../domain/clave-inventario.js';
import type { Inventario } from '../domain/inventario.js';
import { CUPOS_POR_DEFECTO } from './cupos-por-defecto.js';

const POR_CLAVE = 'origen = ? AND destino = ? AND fecha = ?';

/**
 * Seat counters in `gds_disponibilidad`, changed only by conditional updates whose affected rows
 * are checked, never by reading and writing back: concurrent transactions cannot take a seat
 * twice or lose one. A counter never set is created with the default when it is first needed.
 * Call inside `UnitOfWork.run`.
 */
@Injectable()
export class SqlInventario implements Inventario {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(CUPOS_POR_DEFECTO) private readonly cuposPorDefecto: number,
  ) {}

  async tomar(clave: ClaveInventario): Promise<boolean> {
    // Update first: on InnoDB, an INSERT IGNORE that meets an existing row takes a shared lock,
    // and two transactions that both upgrade it to take a seat deadlock each other.
    if (await this.descontar(clave)) return true;
    await this.crearSiFalta(clave, this.cuposPorDefecto);
    return this.descontar(clave);
  }

  async devolver(clave: ClaveInventario): Promise<void> {
    const sql = `UPDATE gds_disponibilidad SET cupos = cupos + 1 WHERE ${POR_CLAVE}`;
    if ((await execute(this.uow.manager, sql, valores(clave))) !== 1) {
      throw new Error(`no seat counter for ${valores(clave).join(' ')} to give a seat back to`);
    }
  }

  /** Sets the seats left on a route and day, creating its counter if it was never set. */
  async fijar(clave: ClaveInventario, cupos: number): Promise<void> {
    await this.crearSiFalta(clave, cupos);
    await this.uow.manager.query(`UPDATE gds_disponibilidad SET cupos = ? WHERE ${POR_CLAVE}`, [cupos, ...valores(clave)]);
  }

  /** The seats left on a route and day: the default when it was never set. */
  async consultar(clave: ClaveInventario): Promise<number> {
    const [row] = await this.uow.manager.query<Array<{ cupos: number | string }>>(
      `SELECT cupos FROM gds_disponibilidad WHERE ${POR_CLAVE}`,
      valores(clave),
    );
    return row ? Number(row.cupos) : this.cuposPorDefecto;
  }

  private async descontar(clave: ClaveInventario): Promise<boolean> {
    const sql = `UPDATE gds_disponibilidad SET cupos = cupos - 1 WHERE ${POR_CLAVE} AND cupos > 0`;
    return (await execute(this.uow.manager, sql, valores(clave))) === 1;
  }

  private async crearSiFalta(clave: ClaveInventario, cupos: number): Promise<void> {
    const manager = this.uow.manager;
    await manager.query(`${insertIgnore(manager)} INTO gds_disponibilidad (origen, destino, fecha, cupos) VALUES (?, ?, ?, ?)`, [
      ...valores(clave),
      cupos,
    ]);
  }
}

function valores({ origen, destino, fecha }: ClaveInventario): string[] {
  return [origen, destino, fecha];
}
