import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceModule, type ServiceInfrastructure } from '#seedwork';
import type { GdsEnv } from './config.js';
import { GdsModule } from './gds/gds.module.js';

@Module({})
export class IntegracionGdsModule {
  static register(infrastructure: ServiceInfrastructure, config: GdsEnv): DynamicModule {
    return {
      module: IntegracionGdsModule,
      imports: [ServiceModule.forRoot(infrastructure), GdsModule.register(config.GDS_CUPOS_POR_DEFECTO)],
    };
  }
}
