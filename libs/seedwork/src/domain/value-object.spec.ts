import { describe, expect, it } from '@jest/globals';
import { ValueObject } from './value-object.js';

interface DineroProps {
  monto: number;
  moneda: string;
}

class Dinero extends ValueObject<DineroProps> {
  static de(props: DineroProps): Dinero {
    return new Dinero(props);
  }

  get monto(): number {
    return this.props.monto;
  }

  /** For the test only: reaches the frozen props. */
  propsForTest(): Readonly<DineroProps> {
    return this.props;
  }
}

class Precio extends ValueObject<DineroProps> {
  static de(props: DineroProps): Precio {
    return new Precio(props);
  }
}

interface RutaProps {
  origen: { codigo: string; ciudad: string };
  escalas: string[];
}

class Ruta extends ValueObject<RutaProps> {
  static de(props: RutaProps): Ruta {
    return new Ruta(props);
  }
}

describe('ValueObject', () => {
  it('is equal to another of its class with the same attributes', () => {
    expect(Dinero.de({ monto: 10, moneda: 'COP' }).equals(Dinero.de({ monto: 10, moneda: 'COP' }))).toBe(true);
  });

  it('is not equal when one attribute differs', () => {
    expect(Dinero.de({ monto: 10, moneda: 'COP' }).equals(Dinero.de({ monto: 10, moneda: 'USD' }))).toBe(false);
  });

  it('does not depend on the order in which attributes were given', () => {
    expect(Dinero.de({ monto: 10, moneda: 'COP' }).equals(Dinero.de({ moneda: 'COP', monto: 10 }))).toBe(true);
  });

  it('compares nested objects regardless of their key order', () => {
    const a = Ruta.de({ origen: { codigo: 'BOG', ciudad: 'Bogotá' }, escalas: ['PTY'] });
    const b = Ruta.de({ escalas: ['PTY'], origen: { ciudad: 'Bogotá', codigo: 'BOG' } });
    expect(a.equals(b)).toBe(true);
  });

  it('keeps the order of arrays significant', () => {
    const a = Ruta.de({ origen: { codigo: 'BOG', ciudad: 'Bogotá' }, escalas: ['PTY', 'MIA'] });
    const b = Ruta.de({ origen: { codigo: 'BOG', ciudad: 'Bogotá' }, escalas: ['MIA', 'PTY'] });
    expect(a.equals(b)).toBe(false);
  });

  it('is not equal to a value object of another class with the same attributes', () => {
    expect(Dinero.de({ monto: 10, moneda: 'COP' }).equals(Precio.de({ monto: 10, moneda: 'COP' }))).toBe(false);
  });

  it('is not equal to undefined', () => {
    expect(Dinero.de({ monto: 10, moneda: 'COP' }).equals(undefined)).toBe(false);
  });

  it('freezes its attributes', () => {
    expect(Object.isFrozen(Dinero.de({ monto: 10, moneda: 'COP' }).propsForTest())).toBe(true);
  });

  it('is not changed when the object it was built from changes afterwards', () => {
    const props = { monto: 10, moneda: 'COP' };
    const dinero = Dinero.de(props);
    props.monto = 99;
    expect(dinero.monto).toBe(10);
  });
});
