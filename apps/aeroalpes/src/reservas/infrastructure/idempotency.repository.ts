import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUniqueViolation, UnitOfWork, UnprocessableError } from '#seedwork';

interface Row {
  huella: string;
  respuesta: string;
}

/**
 * Remembers the answer given to each Idempotency-Key with a fingerprint of the request body:
 * the same key and body answer the first answer again; the same key with another body is a 422.
 */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly uow: UnitOfWork) {}

  fingerprint(body: unknown): string {
    return createHash('sha256').update(canonicalJson(body)).digest('hex');
  }

  async find<T>(clave: string, huella: string): Promise<T | undefined> {
    const [row] = await this.uow.manager.query<Row[]>('SELECT huella, respuesta FROM idempotency_keys WHERE clave = ?', [clave]);
    if (!row) return undefined;
    if (row.huella !== huella) {
      throw new UnprocessableError(
        'IDEMPOTENCIA.CLAVE_REUTILIZADA',
        `the Idempotency-Key "${clave}" was already used with a different body`,
      );
    }
    return JSON.parse(row.respuesta) as T;
  }

  async save(clave: string, huella: string, respuesta: unknown): Promise<void> {
    await this.uow.manager.query('INSERT INTO idempotency_keys (clave, huella, respuesta, creada_en) VALUES (?, ?, ?, ?)', [
      clave,
      huella,
      JSON.stringify(respuesta),
      new Date().toISOString(),
    ]);
  }

  isDuplicateKey(error: unknown): boolean {
    return isUniqueViolation(error);
  }
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
