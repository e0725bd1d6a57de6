import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

const NO_EN_BLANCO = /\S/;

export class RegistrarClienteRequest {
  @IsString() @IsNotEmpty() @Matches(NO_EN_BLANCO, { message: 'nombres must not be blank' }) @MaxLength(100) nombres: string;
  @IsString() @IsNotEmpty() @Matches(NO_EN_BLANCO, { message: 'apellidos must not be blank' }) @MaxLength(100) apellidos: string;
  @IsString() @IsEmail() @MaxLength(254) email: string;
}
