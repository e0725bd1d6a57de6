import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceModule, type ServiceInfrastructure } from '#seedwork';

@Module({})
export class IntegracionGdsModule {
  static register(infrastructure: ServiceInfrastructure): DynamicModule {
    return { module: IntegracionGdsModule, imports: [ServiceModule.forRoot(infrastructure)] };
  }
}
