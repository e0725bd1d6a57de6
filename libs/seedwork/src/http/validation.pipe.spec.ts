import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import type { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { InvalidInputError } from './invalid-input.error.js';
import { createValidationPipe } from './validation.pipe.js';

class OdoDto {
  @IsString() origen!: string;
  @IsString() destino!: string;
}

class ItinerarioDto {
  @IsArray() @ArrayNotEmpty() @ValidateNested({ each: true }) @Type(() => OdoDto) odos!: OdoDto[];
  @IsInt() @Min(1) pasajeros!: number;
}

class CrearReservaDto {
  @IsString() id_cliente!: string;
  @IsArray() @ArrayNotEmpty() @ValidateNested({ each: true }) @Type(() => ItinerarioDto) itinerarios!: ItinerarioDto[];
}

const body: ArgumentMetadata = { type: 'body', metatype: CrearReservaDto };

function valid() {
  return { id_cliente: 'c-1', itinerarios: [{ odos: [{ origen: 'BOG', destino: 'MDE' }], pasajeros: 2 }] };
}

async function rejectionOf(value: unknown): Promise<InvalidInputError> {
  try {
    await createValidationPipe().transform(value, body);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected the pipe to reject the value');
}

describe('createValidationPipe', () => {
  it('turns a valid body into an instance of its DTO class', async () => {
    await expect(createValidationPipe().transform(valid(), body)).resolves.toBeInstanceOf(CrearReservaDto);
  });

  it('turns nested arrays into instances of their DTO classes', async () => {
    const dto = (await createValidationPipe().transform(valid(), body)) as CrearReservaDto;
    expect(dto.itinerarios[0].odos[0]).toBeInstanceOf(OdoDto);
  });

  it('rejects an unknown top-level field, naming it', async () => {
    const error = await rejectionOf({ ...valid(), descuento: 50 });
    expect(error.errors).toEqual([{ campo: 'descuento', mensaje: 'property descuento should not exist' }]);
  });

  it('rejects an unknown nested field, naming it by its dotted path', async () => {
    const value = valid();
    Object.assign(value.itinerarios[0].odos[0], { escala: 'PTY' });
    const error = await rejectionOf(value);
    expect(error.errors).toEqual([{ campo: 'itinerarios.0.odos.0.escala', mensaje: 'property escala should not exist' }]);
  });

  it('lists each invalid nested field as { campo, mensaje }', async () => {
    const error = await rejectionOf({ id_cliente: 'c-1', itinerarios: [{ odos: [], pasajeros: 0 }] });
    expect(error.errors).toEqual(
      expect.arrayContaining([
        { campo: 'itinerarios.0.odos', mensaje: expect.stringContaining('odos') },
        { campo: 'itinerarios.0.pasajeros', mensaje: expect.stringContaining('pasajeros') },
      ]),
    );
  });

  it('reports a missing required field', async () => {
    const error = await rejectionOf({ itinerarios: valid().itinerarios });
    expect(error.errors.map((e) => e.campo)).toEqual(['id_cliente']);
  });

  it('does not echo the rejected values back in the messages', async () => {
    const error = await rejectionOf({ id_cliente: 12345678, itinerarios: valid().itinerarios });
    expect(JSON.stringify(error.errors)).not.toContain('12345678');
  });
});
