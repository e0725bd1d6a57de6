import 'reflect-metadata';
import { CONTRATOS, TOPICOS } from '#contracts';
import { runService } from '#seedwork';
import { NotificacionesModule } from './app.module.js';
import { CreateNotificaciones1795500000000 } from './notificaciones/infrastructure/migrations/1795500000000-create-notificaciones.js';

const SUSCRIPCION = 'notificaciones';

await runService({
  name: 'notificaciones',
  defaultPort: 3004,
  migrations: [CreateNotificaciones1795500000000],
  contracts: CONTRATOS,
  subscriptions: [
    { topic: TOPICOS.eventosCliente, subscription: SUSCRIPCION },
    { topic: TOPICOS.eventosAeroalpes, subscription: SUSCRIPCION },
  ],
  module: (infrastructure) => NotificacionesModule.register(infrastructure),
});
