import { execute } from '../../persistence/execute.js';
import { insertIgnore } from '../../persistence/sql-dialect.js';
import type { TransactionContext } from '../../persistence/unit-of-work.js';
import type { Envelope } from '../envelope.js';

/**
 * The idempotent inbox: records a handled message id in the handler's own transaction.
 * Returns false when the message was handled before (a redelivery), so the caller skips it.
 * One statement: the insert that finds the id already there writes nothing.
 */
export async function recordInInbox(tx: TransactionContext, subscription: string, envelope: Envelope): Promise<boolean> {
  const inserted = await execute(
    tx.manager,
    `${insertIgnore(tx.manager)} INTO inbox (subscription, message_id, type, handled_at) VALUES (?, ?, ?, ?)`,
    [subscription, envelope.id, envelope.type, Date.now()],
  );
  return inserted === 1;
}
