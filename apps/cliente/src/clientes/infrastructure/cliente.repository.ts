import { Injectable } from '@nestjs/common';
import { TOPICOS } from '#contracts';
import { isUniqueViolation, Outbox, UnitOfWork } from '#seedwork';
import { Cliente, type ClienteSnapshot } from '../domain/cliente.js';
import { ClienteModificadoConcurrentemente, EmailYaRegistrado } from '../domain/cliente.errors.js';
import type { EstadoCliente } from '../domain/estado-cliente.js';
import { eventoDeIntegracion } from './eventos-integracion.js';

interface ClienteRow {
  id: string;
  nombres: string;
  apellidos: string;
  email: string;
  estado: EstadoCliente;
  fecha_registro: string;
  version: number | string;
}

/**
 * Loads and saves clientes in the current unit of work; the cliente's pending events go to the
 * outbox in the same transaction. Must be called inside `UnitOfWork.run`.
 */
@Injectable()
export class ClienteRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
  ) {}

  async porId(id: string): Promise<Cliente | undefined> {
    const [row] = await this.uow.manager.query<ClienteRow[]>(
      'SELECT id, nombres, apellidos, email, estado, fecha_registro, version FROM clientes WHERE id = ?',
      [id],
    );
    return row ? Cliente.restaurar({ ...row, version: Number(row.version) }) : undefined;
  }

  /** Inserts a new cliente; EmailYaRegistrado when another cliente has the email in any letter case. */
  async agregar(cliente: Cliente): Promise<void> {
    const s = cliente.snapshot();
    try {
      await this.uow.manager.query(
        'INSERT INTO clientes (id, nombres, apellidos, email, email_normalizado, estado, fecha_registro, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [s.id, s.nombres, s.apellidos, s.email, cliente.email.normalizado, s.estado, s.fecha_registro, s.version],
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailYaRegistrado(s.email);
      throw error;
    }
    await this.publicarEventos(cliente);
  }

  /** Saves a loaded cliente if it changed, unless another transaction saved it first. */
  async guardar(cliente: Cliente): Promise<void> {
    if (cliente.pendingEvents.length === 0) return;
    const s: ClienteSnapshot = cliente.snapshot();
    const result = await this.uow.manager
      .createQueryBuilder()
      .update('clientes')
      .set({ estado: s.estado, version: s.version })
      .where('id = :id AND version = :version', { id: s.id, version: cliente.versionCargada })
      .execute();
    if (result.affected !== 1) throw new ClienteModificadoConcurrentemente(s.id);
    await this.publicarEventos(cliente);
  }

  private async publicarEventos(cliente: Cliente): Promise<void> {
    await this.outbox.add(TOPICOS.eventosCliente, cliente.pullEvents().map(eventoDeIntegracion));
  }
}
