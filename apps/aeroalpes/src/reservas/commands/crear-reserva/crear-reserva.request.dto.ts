import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsDefined,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsPositive,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CODIGO_AEROPUERTO, MONEDA, MONTO_MAXIMO } from '#contracts';
import { IsInstant } from '#seedwork';
import { DistintoDe, PosteriorA } from './leg.validators.js';

// Bounds that keep a reserva a reserva (and its event well within a database TEXT column).
const MAX_ITINERARIOS = 4;
const MAX_ODOS = 2;
const MAX_SEGMENTOS = 4;
const MAX_LEGS = 4;

export class AeropuertoDto {
  @Matches(CODIGO_AEROPUERTO, { message: 'codigo debe ser 3 letras mayúsculas (IATA), p. ej. BOG' }) codigo: string;
  @IsString() @IsNotEmpty() @MaxLength(100) nombre: string;
}

export class LegDto {
  @IsInstant() fecha_salida: string;
  @IsInstant() @PosteriorA('fecha_salida') fecha_llegada: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => AeropuertoDto) origen: AeropuertoDto;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => AeropuertoDto) @DistintoDe('origen') destino: AeropuertoDto;
}

export class SegmentoDto {
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(MAX_LEGS) @ValidateNested({ each: true }) @Type(() => LegDto) legs: LegDto[];
}

export class OdoDto {
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_SEGMENTOS)
  @ValidateNested({ each: true })
  @Type(() => SegmentoDto)
  segmentos: SegmentoDto[];
}

export class ItinerarioDto {
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(MAX_ODOS) @ValidateNested({ each: true }) @Type(() => OdoDto) odos: OdoDto[];
}

export class PagoDto {
  @IsNumber(
    { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
    { message: 'monto debe ser un número con a lo sumo 2 decimales' },
  )
  @IsPositive({ message: 'monto debe ser mayor que 0' })
  @Max(MONTO_MAXIMO)
  monto: number;
  @Matches(MONEDA, { message: 'moneda debe ser un código ISO 4217 de 3 letras mayúsculas' }) moneda: string;
  @IsString() @IsNotEmpty({ message: 'token es obligatorio' }) @MaxLength(200) token: string;
}

/** `POST /reservas`, as API.md gives it. */
export class CrearReservaRequestDto {
  @IsUUID('all', { message: 'id_cliente debe ser un UUID' }) id_cliente: string;
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_ITINERARIOS)
  @ValidateNested({ each: true })
  @Type(() => ItinerarioDto)
  itinerarios: ItinerarioDto[];
  @IsDefined() @IsObject() @ValidateNested() @Type(() => PagoDto) pago: PagoDto;
}
