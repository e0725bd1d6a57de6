// The message contracts of AeroAlpes, schema v1: declared once, imported by producers and consumers.
import type { MessageContract } from '#seedwork';
import * as aeroalpes from './schema/v1/aeroalpes.js';
import * as cliente from './schema/v1/cliente.js';
import * as gds from './schema/v1/integracion-gds.js';
import * as pagos from './schema/v1/pagos.js';

export * from './schema/v1/aeroalpes.js';
export * from './schema/v1/cliente.js';
export * from './schema/v1/common.js';
export * from './schema/v1/integracion-gds.js';
export * from './schema/v1/pagos.js';
export * from './topics.js';

function contractsOf(module: Record<string, unknown>): MessageContract[] {
  return Object.values(module).filter(
    (v): v is MessageContract => typeof v === 'object' && v !== null && 'type' in v && 'topic' in v && 'payload' in v,
  );
}

/** Every contract: each service registers all of them, so that it recognises whatever its topics carry. */
export const CONTRATOS: readonly MessageContract[] = [aeroalpes, cliente, pagos, gds].flatMap(contractsOf);
