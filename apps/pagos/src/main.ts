import 'reflect-metadata';
import { runService } from '#seedwork';
import { PagosModule } from './app.module.js';

await runService({
  name: 'pagos',
  defaultPort: 3002,
  module: (infrastructure) => PagosModule.register(infrastructure),
});
