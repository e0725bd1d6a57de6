import type { EntityManager } from 'typeorm';
import { ConflictError } from '../domain/domain-error.js';
import { execute } from '../persistence/execute.js';
import type { UnitOfWork } from '../persistence/unit-of-work.js';
import { proximoVencimiento, type SagaEstado, type SagaInstance, type SagaLogEntry } from './saga-instance.js';

interface SagaRow {
  id: string;
  tipo: string;
  referencia: string;
  estado: SagaEstado;
  paso_actual: string | null;
  datos: string;
  pasos: string;
  iniciada_en: string;
  terminada_en: string | null;
  version: number;
}

export interface SagaFilter {
  tipo: string;
  estado?: SagaEstado;
  referencia?: string;
  limit: number;
  offset: number;
}

/** Saga instances and their log in the orchestrator's database, with optimistic locking. */
export class SagaStore {
  constructor(private readonly uow: UnitOfWork) {}

  private get manager(): EntityManager {
    return this.uow.manager;
  }

  async find<TData>(id: string): Promise<SagaInstance<TData> | undefined> {
    const [row] = await this.manager.query<SagaRow[]>('SELECT * FROM sagas WHERE id = ?', [id]);
    return row ? toInstance<TData>(row) : undefined;
  }

  /** Inserts (version 0) or updates (expecting the loaded version); a concurrent change is a conflict. */
  async save<TData>(saga: SagaInstance<TData>, log: readonly SagaLogEntry[]): Promise<SagaInstance<TData>> {
    const values = [
      saga.estado,
      saga.paso_actual,
      JSON.stringify(saga.datos),
      JSON.stringify(saga.pasos),
      saga.terminada_en,
      proximoVencimiento(saga),
    ];
    if (saga.version === 0) {
      await this.manager.query(
        'INSERT INTO sagas (estado, paso_actual, datos, pasos, terminada_en, vence_en, id, tipo, referencia, iniciada_en, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)',
        [...values, saga.id, saga.tipo, saga.referencia, saga.iniciada_en],
      );
    } else {
      const updated = await execute(
        this.manager,
        'UPDATE sagas SET estado = ?, paso_actual = ?, datos = ?, pasos = ?, terminada_en = ?, vence_en = ?, version = version + 1 WHERE id = ? AND version = ?',
        [...values, saga.id, saga.version],
      );
      if (updated !== 1) throw new ConflictError('SAGA.CONFLICTO_DE_VERSION', `saga ${saga.id} changed concurrently`);
    }
    if (log.length > 0) {
      // One statement for the transition's entries; they take their seq in this order.
      await this.manager.query(
        `INSERT INTO saga_log (id_saga, en, tipo, mensaje, id_mensaje) VALUES ${log.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        log.flatMap((entry) => [saga.id, entry.en, entry.tipo, entry.mensaje.slice(0, 191), entry.id_mensaje]),
      );
    }
    return { ...saga, version: saga.version + 1 };
  }

  async log(id: string): Promise<SagaLogEntry[]> {
    return this.manager.query<SagaLogEntry[]>('SELECT en, tipo, mensaje, id_mensaje FROM saga_log WHERE id_saga = ? ORDER BY seq', [id]);
  }

  /** Whether a message was already applied to (logged by) the saga: how a reply seen twice is skipped. */
  async hasLogged(id: string, idMensaje: string): Promise<boolean> {
    const rows = await this.manager.query<unknown[]>('SELECT 1 AS seen FROM saga_log WHERE id_saga = ? AND id_mensaje = ?', [
      id,
      idMensaje,
    ]);
    return rows.length > 0;
  }

  /** Ids of sagas with a deadline at or before `now`, oldest deadline first. */
  async due(now: number, limit: number): Promise<string[]> {
    const rows = await this.manager.query<Array<{ id: string }>>(
      'SELECT id FROM sagas WHERE vence_en IS NOT NULL AND vence_en <= ? ORDER BY vence_en LIMIT ?',
      [now, limit],
    );
    return rows.map((r) => r.id);
  }

  async list<TData>(filter: SagaFilter): Promise<{ items: SagaInstance<TData>[]; total: number }> {
    const where = ['tipo = ?'];
    const params: unknown[] = [filter.tipo];
    if (filter.estado) {
      where.push('estado = ?');
      params.push(filter.estado);
    }
    if (filter.referencia) {
      where.push('referencia = ?');
      params.push(filter.referencia);
    }
    const clause = where.join(' AND ');
    const [{ total }] = await this.manager.query<Array<{ total: number }>>(`SELECT COUNT(*) AS total FROM sagas WHERE ${clause}`, params);
    const rows = await this.manager.query<SagaRow[]>(`SELECT * FROM sagas WHERE ${clause} ORDER BY iniciada_en DESC, id LIMIT ? OFFSET ?`, [
      ...params,
      filter.limit,
      filter.offset,
    ]);
    return { items: rows.map((r) => toInstance<TData>(r)), total: Number(total) };
  }
}

function toInstance<TData>(row: SagaRow): SagaInstance<TData> {
  return {
    id: row.id,
    tipo: row.tipo,
    referencia: row.referencia,
    estado: row.estado,
    paso_actual: row.paso_actual,
    datos: JSON.parse(row.datos) as TData,
    pasos: JSON.parse(row.pasos) as SagaInstance<TData>['pasos'],
    iniciada_en: row.iniciada_en,
    terminada_en: row.terminada_en,
    version: Number(row.version),
  };
}
