// Worker thread of bench/broker.ts: publishes at a fixed rate through its own broker connection,
// as another process would (no in-process wake-up), each message stamped with its send time.
import { parentPort, workerData } from 'node:worker_threads';
import { envelope, parseDatabaseUrl, SqlMessageBroker } from '#seedwork';

const { url, dataDir, topic, rate, seconds } = workerData as {
  url?: string;
  dataDir: string;
  topic: string;
  rate: number;
  seconds: number;
};
const broker = await SqlMessageBroker.open(parseDatabaseUrl(url, dataDir, 'broker'));
const total = rate * seconds;
const start = performance.now();
for (let i = 0; i < total; i += 1) {
  const due = start + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  await broker.publish(topic, [
    envelope({ type: 'Medido', payload: { n: i, sent: Date.now() }, source: 'bench', correlationId: `c${i % 64}` }),
  ]);
}
await broker.close();
parentPort!.postMessage(total);
