import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceModule, type ServiceInfrastructure } from '#seedwork';
import { NotificacionesFeatureModule } from './notificaciones/notificaciones.module.js';

@Module({})
export class NotificacionesModule {
  static register(infrastructure: ServiceInfrastructure): DynamicModule {
    return { module: NotificacionesModule, imports: [ServiceModule.forRoot(infrastructure), NotificacionesFeatureModule] };
  }
}
