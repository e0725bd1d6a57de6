import 'reflect-metadata';
import { runService } from '#seedwork';
import { AeroalpesModule } from './app.module.js';

await runService({
  name: 'aeroalpes',
  defaultPort: 3000,
  module: (infrastructure) => AeroalpesModule.register(infrastructure),
});
