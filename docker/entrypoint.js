// The images' entry point: `CMD ["node", "docker/entrypoint.js"]`, exec form, so node is PID 1
// with no shell in between and the SIGTERM of `docker stop` reaches the service's own shutdown
// hooks (runService, enableShutdownHooks) directly. The image is built for one app (ARG APP,
// kept as ENV APP): this loads dist/apps/$APP/src/main.js, which Nest's CLI compiled.
import { SERVICES } from '../scripts/services.js';

const app = process.env.APP;
const service = SERVICES.find((s) => s.name === app);
if (!service) {
  process.stderr.write(`entrypoint: APP must be one of ${SERVICES.map((s) => s.name).join(', ')} (got "${app ?? ''}")\n`);
  process.exit(1);
}
await import(new URL(`../${service.entry}`, import.meta.url).href);
