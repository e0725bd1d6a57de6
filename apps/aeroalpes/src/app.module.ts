import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceModule, type ServiceInfrastructure } from '#seedwork';

@Module({})
export class AeroalpesModule {
  static register(infrastructure: ServiceInfrastructure): DynamicModule {
    return { module: AeroalpesModule, imports: [ServiceModule.forRoot(infrastructure)] };
  }
}
