import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceModule, type ServiceInfrastructure } from '#seedwork';

@Module({})
export class PagosModule {
  static register(infrastructure: ServiceInfrastructure): DynamicModule {
    return { module: PagosModule, imports: [ServiceModule.forRoot(infrastructure)] };
  }
}
