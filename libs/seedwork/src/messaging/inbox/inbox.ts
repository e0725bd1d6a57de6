import { isUniqueViolation } from '../../persistence/sql-dialect.js';
import type { TransactionContext } from '../../persistence/unit-of-work.js';
import type { Envelope } from '../envelope.js';

/**
 * The idempotent inbox: records a handled message id in the handler's own transaction.
 * Returns false when the message was handled before (a redelivery), so the caller skips it.
 * One statement: the insert that finds the id already there fails on the key, and only that
 * failure means "seen" (an id too long or missing still fails, as any bad message does).
 */
export async function recordInInbox(tx: TransactionContext, subscription: string, envelope: Envelope): Promise<boolean> {
  try {
    await tx.manager.query('INSERT INTO inbox (subscription, message_id, type, handled_at) VALUES (?, ?, ?, ?)', [
      subscription,
      envelope.id,
      envelope.type,
      Date.now(),
    ]);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
