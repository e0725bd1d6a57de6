import 'reflect-metadata';
import { CONTRATOS, TOPICOS } from '#contracts';
import { loadConfig, runService } from '#seedwork';
import { IntegracionGdsModule } from './app.module.js';
import { GdsEnv } from './config.js';
import { CreateGds1795500000000 } from './gds/infrastructure/migrations/1795500000000-create-gds.js';

await runService({
  name: 'integracion-gds',
  defaultPort: 3003,
  migrations: [CreateGds1795500000000],
  contracts: CONTRATOS,
  subscriptions: [{ topic: TOPICOS.comandosGds, subscription: 'integracion-gds' }],
  // A wrong GDS_CUPOS_POR_DEFECTO stops the start-up with a line naming it (a ConfigError from module()).
  module: (infrastructure) => IntegracionGdsModule.register(infrastructure, loadConfig(GdsEnv)),
});
