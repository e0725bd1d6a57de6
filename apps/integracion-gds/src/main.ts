import 'reflect-metadata';
import { runService } from '#seedwork';
import { IntegracionGdsModule } from './app.module.js';

await runService({
  name: 'integracion-gds',
  defaultPort: 3003,
  module: (infrastructure) => IntegracionGdsModule.register(infrastructure),
});
