import { Injectable } from '@nestjs/common';
import { forUpdate, isUniqueViolation, UnitOfWork } from '#seedwork';
import type { Contacto } from '../domain/contacto.js';

/** The contactos table, in the current unit of work. */
@Injectable()
export class ContactoRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async porId(id_cliente: string): Promise<Contacto | undefined> {
    return this.leer(id_cliente, '');
  }

  /**
   * Reads the latest committed contacto and locks it, or its absence, until commit: a
   * ClienteRegistrado handled at the same time either is seen here or waits, then sees what
   * this transaction left pending.
   */
  async porIdBloqueando(id_cliente: string): Promise<Contacto | undefined> {
    return this.leer(id_cliente, forUpdate(this.uow.manager));
  }

  /** Adds the contacto unless it is known already (the first ClienteRegistrado wins). */
  async agregarSiNuevo(contacto: Contacto, registradoEn: string): Promise<void> {
    if (await this.porId(contacto.id_cliente)) return;
    try {
      await this.uow.manager.query('INSERT INTO contactos (id_cliente, nombres, email, registrado_en) VALUES (?, ?, ?, ?)', [
        contacto.id_cliente,
        contacto.nombres,
        contacto.email,
        registradoEn,
      ]);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /** Marks a known contacto deactivated, keeping the first instant; an unknown one is left alone. */
  async marcarDesactivado(id_cliente: string, en: string): Promise<void> {
    await this.uow.manager.query('UPDATE contactos SET desactivado_en = ? WHERE id_cliente = ? AND desactivado_en IS NULL', [
      en,
      id_cliente,
    ]);
  }

  private async leer(id_cliente: string, bloqueo: string): Promise<Contacto | undefined> {
    const [row] = await this.uow.manager.query<Contacto[]>(
      `SELECT id_cliente, nombres, email FROM contactos WHERE id_cliente = ?${bloqueo}`,
      [id_cliente],
    );
    return row;
  }
}
