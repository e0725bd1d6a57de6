import 'reflect-metadata';
import { CONTRATOS, TOPICOS } from '#contracts';
import { runService } from '#seedwork';
import { PagosModule } from './app.module.js';
import { CreatePagos1795500000000 } from './pagos/infrastructure/migrations/1795500000000-create-pagos.js';

await runService({
  name: 'pagos',
  defaultPort: 3002,
  migrations: [CreatePagos1795500000000],
  contracts: CONTRATOS,
  subscriptions: [{ topic: TOPICOS.comandosPagos, subscription: 'pagos' }],
  module: (infrastructure) => PagosModule.register(infrastructure),
});
