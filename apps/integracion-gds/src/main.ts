import 'reflect-metadata';
import { CONTRATOS, TOPICOS } from '#contracts';
import { loadConfig, runService } from '#seedwork';
import { IntegracionGdsModule } from './app.module.js';
import { GdsEnv } from './config.js';
import { CreateGds1795500000000 } from './gds/infrastructure/migrations/1795500000000-create-gds.js';

const SERVICIO = 'integracion-gds';

// The GDS's own variables are checked before anything is opened, failing as runService does.
let config: GdsEnv;
try {
  config = loadConfig(GdsEnv);
} catch (error) {
  process.stderr.write(`${SERVICIO}: cannot start: ${(error as Error).message}\n`);
  process.exit(1);
}

await runService({
  name: SERVICIO,
  defaultPort: 3003,
  migrations: [CreateGds1795500000000],
  contracts: CONTRATOS,
  subscriptions: [{ topic: TOPICOS.comandosGds, subscription: 'integracion-gds' }],
  module: (infrastructure) => IntegracionGdsModule.register(infrastructure, config),
});
