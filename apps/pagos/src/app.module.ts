import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceModule, type ServiceInfrastructure } from '#seedwork';
import { PagosFeatureModule } from './pagos/pagos.module.js';

@Module({})
export class PagosModule {
  static register(infrastructure: ServiceInfrastructure): DynamicModule {
    return { module: PagosModule, imports: [ServiceModule.forRoot(infrastructure), PagosFeatureModule] };
  }
}
