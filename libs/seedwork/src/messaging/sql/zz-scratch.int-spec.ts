import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from '@jest/globals';
import { SqlMessageBroker } from './sql-message-broker.js';
import { probe } from '../../testing/index.js';

it('timing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scr-'));
  const t0 = Date.now();
  const b = await SqlMessageBroker.open({ kind: 'sqlite', file: join(dir, 'b.sqlite') }, { leaseMs: 500, pollMs: 10, retryBaseMs: 20, maxAttempts: 3 });
  console.log('open', Date.now() - t0);
  let got = 0;
  const s = await b.subscribe({ topic: 't', subscription: 's' }, async () => { got = Date.now(); });
  console.log('subscribed', Date.now() - t0);
  const p = Date.now();
  await b.publish('t', [probe('k')]);
  while (!got) await new Promise((r) => setTimeout(r, 1));
  console.log('delivered after', got - p);
  const c = Date.now();
  await s.close();
  await b.close();
  console.log('closed', Date.now() - c);
});
