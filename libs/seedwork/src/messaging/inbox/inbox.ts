import type { TransactionContext } from '../../persistence/unit-of-work.js';
import type { Envelope } from '../envelope.js';

/**
 * The idempotent inbox: records a handled message id in the handler's own transaction.
 * Returns false when the message was handled before (a redelivery), so the caller skips it.
 */
export async function recordInInbox(tx: TransactionContext, subscription: string, envelope: Envelope): Promise<boolean> {
  const seen = await tx.manager.query<unknown[]>('SELECT 1 AS seen FROM inbox WHERE subscription = ? AND message_id = ?', [
    subscription,
    envelope.id,
  ]);
  if (seen.length > 0) return false;
  await tx.manager.query('INSERT INTO inbox (subscription, message_id, type, handled_at) VALUES (?, ?, ?, ?)', [
    subscription,
    envelope.id,
    envelope.type,
    Date.now(),
  ]);
  return true;
}
