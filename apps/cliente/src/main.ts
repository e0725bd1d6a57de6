import 'reflect-metadata';
import { runService } from '#seedwork';
import { ClienteModule } from './app.module.js';

await runService({
  name: 'cliente',
  defaultPort: 3001,
  module: (infrastructure) => ClienteModule.register(infrastructure),
});
