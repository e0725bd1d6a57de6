import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceModule, type ServiceInfrastructure } from '#seedwork';

@Module({})
export class ClienteModule {
  static register(infrastructure: ServiceInfrastructure): DynamicModule {
    return { module: ClienteModule, imports: [ServiceModule.forRoot(infrastructure)] };
  }
}
