import 'reflect-metadata';
import { CONTRATOS, TOPICOS } from '#contracts';
import { runService } from '#seedwork';
import { ClienteModule } from './app.module.js';
import { CreateClientes1795500000000 } from './clientes/infrastructure/migrations/1795500000000-create-clientes.js';

await runService({
  name: 'cliente',
  defaultPort: 3001,
  migrations: [CreateClientes1795500000000],
  contracts: CONTRATOS,
  subscriptions: [{ topic: TOPICOS.comandosCliente, subscription: 'cliente' }],
  module: (infrastructure) => ClienteModule.register(infrastructure),
});
