import 'reflect-metadata';
import { runService } from '#seedwork';
import { NotificacionesModule } from './app.module.js';

await runService({
  name: 'notificaciones',
  defaultPort: 3004,
  module: (infrastructure) => NotificacionesModule.register(infrastructure),
});
