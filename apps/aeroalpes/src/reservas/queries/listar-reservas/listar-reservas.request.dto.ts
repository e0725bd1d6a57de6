import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { RESERVA_ESTADOS, type ReservaEstado } from '../../domain/reserva.js';

export class ListarReservasRequestDto {
  @IsOptional() @IsIn(RESERVA_ESTADOS, { message: `estado debe ser uno de ${RESERVA_ESTADOS.join(', ')}` }) estado?: ReservaEstado;
  @IsOptional() @IsString() @MaxLength(64) id_cliente?: string;
  @IsOptional() @Type(() => Number) @IsInt({ message: 'limit debe ser un entero' }) @Min(1) @Max(500) limit = 50;
  @IsOptional() @Type(() => Number) @IsInt({ message: 'offset debe ser un entero' }) @Min(0) @Max(1_000_000_000) offset = 0;
}
