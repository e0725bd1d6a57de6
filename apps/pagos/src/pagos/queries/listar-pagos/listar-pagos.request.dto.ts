import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** `GET /pagos?id_reserva=`: the filter is optional; given, it must be one non-empty value. */
export class ListarPagosRequest {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(191) id_reserva?: string;
}
