import 'reflect-metadata';
import { CONTRATOS, TOPICOS } from '#contracts';
import {
  CreateEventStoreTables1795400000200,
  CreateProjectionTables1795400000300,
  CreateSagaTables1795400000100,
  runService,
} from '#seedwork';
import { AeroalpesModule } from './app.module.js';
import { CreateReservasTables1795400001000 } from './reservas/infrastructure/create-reservas-tables.js';
import { CreateReservasProjections1795400001100 } from './reservas/projections/create-projection-tables.js';
import { SUSCRIPCION_SAGA } from './sagas/coordinador-reservas.saga.js';

await runService({
  name: 'aeroalpes',
  defaultPort: 3000,
  migrations: [
    CreateEventStoreTables1795400000200,
    CreateSagaTables1795400000100,
    CreateProjectionTables1795400000300,
    CreateReservasTables1795400001000,
    CreateReservasProjections1795400001100,
  ],
  contracts: CONTRATOS,
  subscriptions: [
    // as a participant: the saga's commands to aeroalpes (AprobarReserva, CancelarReserva)
    { topic: TOPICOS.comandosAeroalpes, subscription: 'aeroalpes' },
    // as the orchestrator: the other participants' events (aeroalpes' own replies reach its saga
    // in the transaction that sends them: see Respuestas)
    { topic: TOPICOS.eventosCliente, subscription: SUSCRIPCION_SAGA },
    { topic: TOPICOS.eventosPagos, subscription: SUSCRIPCION_SAGA },
    { topic: TOPICOS.eventosGds, subscription: SUSCRIPCION_SAGA },
  ],
  module: (infrastructure) => AeroalpesModule.register(infrastructure),
});
