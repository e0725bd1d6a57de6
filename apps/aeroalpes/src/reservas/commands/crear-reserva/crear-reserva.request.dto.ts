import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsDefined,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsPositive,
  IsRFC3339,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { DistintoDe, PosteriorA } from './leg.validators.js';

const TRES_MAYUSCULAS = /^[A-Z]{3}$/;

export class AeropuertoDto {
  @Matches(TRES_MAYUSCULAS, { message: 'codigo debe ser 3 letras mayúsculas (IATA), p. ej. BOG' }) codigo: string;
  @IsString() @IsNotEmpty() nombre: string;
}

export class LegDto {
  @IsRFC3339({ message: 'fecha_salida debe ser una fecha-hora ISO-8601 con zona, p. ej. 2026-12-01T10:00:00Z' }) fecha_salida: string;
  @IsRFC3339({ message: 'fecha_llegada debe ser una fecha-hora ISO-8601 con zona, p. ej. 2026-12-01T11:05:00Z' })
  @PosteriorA('fecha_salida')
  fecha_llegada: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => AeropuertoDto) origen: AeropuertoDto;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => AeropuertoDto) @DistintoDe('origen') destino: AeropuertoDto;
}

export class SegmentoDto {
  @IsArray() @ArrayNotEmpty() @ValidateNested({ each: true }) @Type(() => LegDto) legs: LegDto[];
}

export class OdoDto {
  @IsArray() @ArrayNotEmpty() @ValidateNested({ each: true }) @Type(() => SegmentoDto) segmentos: SegmentoDto[];
}

export class ItinerarioDto {
  @IsArray() @ArrayNotEmpty() @ValidateNested({ each: true }) @Type(() => OdoDto) odos: OdoDto[];
}

export class PagoDto {
  @IsNumber(
    { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
    { message: 'monto debe ser un número con a lo sumo 2 decimales' },
  )
  @IsPositive({ message: 'monto debe ser mayor que 0' })
  monto: number;
  @Matches(TRES_MAYUSCULAS, { message: 'moneda debe ser un código ISO 4217 de 3 letras mayúsculas' }) moneda: string;
  @IsString() @IsNotEmpty({ message: 'token es obligatorio' }) token: string;
}

/** `POST /reservas`, as API.md gives it. */
export class CrearReservaRequestDto {
  @IsUUID('all', { message: 'id_cliente debe ser un UUID' }) id_cliente: string;
  @IsArray() @ArrayNotEmpty() @ValidateNested({ each: true }) @Type(() => ItinerarioDto) itinerarios: ItinerarioDto[];
  @IsDefined() @IsObject() @ValidateNested() @Type(() => PagoDto) pago: PagoDto;
}
