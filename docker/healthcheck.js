// The images' HEALTHCHECK: GET /health on the app's own port (`<APP>_PORT`, else its default
// from scripts/services.js), with node's fetch since slim images have no curl. Exit 0 when the
// service answers 200 (database and broker up), 1 otherwise.
import { SERVICES } from '../scripts/services.js';

const service = SERVICES.find((s) => s.name === process.env.APP);
const port = (service && process.env[service.portVariable]) || service?.port;
try {
  const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(4000) });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
