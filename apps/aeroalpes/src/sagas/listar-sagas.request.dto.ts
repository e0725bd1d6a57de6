import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { SAGA_ESTADOS, type SagaEstado } from '#seedwork';

export class ListarSagasRequestDto {
  @IsOptional() @IsIn(SAGA_ESTADOS, { message: `estado debe ser uno de ${SAGA_ESTADOS.join(', ')}` }) estado?: SagaEstado;
  @IsOptional() @IsString() id_reserva?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit = 50;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000_000) offset = 0;
}
