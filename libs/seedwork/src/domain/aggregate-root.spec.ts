import { describe, expect, it } from '@jest/globals';
import { AggregateRoot } from './aggregate-root.js';
import { type DomainEvent, domainEvent } from './domain-event.js';

type ContadorEvent = DomainEvent<'Incrementado', { en: number }> | DomainEvent<'Reiniciado', Record<string, never>>;

class Contador extends AggregateRoot<string, ContadorEvent> {
  valor = 0;
  aplicados: string[] = [];

  constructor(id = 'contador-1') {
    super(id);
  }

  incrementar(en: number): void {
    this.record(domainEvent('Incrementado', { en }));
  }

  reiniciar(): void {
    this.record(domainEvent('Reiniciado', {}));
  }

  protected when(event: ContadorEvent): void {
    this.aplicados.push(event.tipo);
    switch (event.tipo) {
      case 'Incrementado':
        this.valor += event.datos.en;
        break;
      case 'Reiniciado':
        this.valor = 0;
        break;
    }
  }
}

const incrementado = (en: number) => domainEvent('Incrementado', { en }) as ContadorEvent;

describe('AggregateRoot', () => {
  describe('a new aggregate', () => {
    it('starts at version 0', () => {
      expect(new Contador().version).toBe(0);
    });

    it('has no pending events', () => {
      expect(new Contador().pendingEvents).toEqual([]);
    });
  });

  describe('record', () => {
    it('applies the event to the state', () => {
      const contador = new Contador();
      contador.incrementar(3);
      expect(contador.valor).toBe(3);
    });

    it('adds one to the version per event', () => {
      const contador = new Contador();
      contador.incrementar(3);
      contador.reiniciar();
      expect(contador.version).toBe(2);
    });

    it('keeps the events pending, in order', () => {
      const contador = new Contador();
      contador.incrementar(3);
      contador.reiniciar();
      expect(contador.pendingEvents.map((e) => e.tipo)).toEqual(['Incrementado', 'Reiniciado']);
    });
  });

  describe('pullEvents', () => {
    it('returns the pending events in order', () => {
      const contador = new Contador();
      contador.incrementar(1);
      contador.incrementar(2);
      expect(contador.pullEvents().map((e) => e.datos)).toEqual([{ en: 1 }, { en: 2 }]);
    });

    it('leaves no pending events behind', () => {
      const contador = new Contador();
      contador.incrementar(1);
      contador.pullEvents();
      expect(contador.pullEvents()).toEqual([]);
    });

    it('does not change the version', () => {
      const contador = new Contador();
      contador.incrementar(1);
      contador.pullEvents();
      expect(contador.version).toBe(1);
    });
  });

  describe('rehydrate', () => {
    it('rebuilds the state from past events', () => {
      expect(new Contador().rehydrate([incrementado(2), incrementado(5)]).valor).toBe(7);
    });

    it('sets the version to the number of past events', () => {
      expect(new Contador().rehydrate([incrementado(2), incrementado(5)]).version).toBe(2);
    });

    it('records nothing as pending', () => {
      expect(new Contador().rehydrate([incrementado(2), incrementado(5)]).pendingEvents).toEqual([]);
    });

    it('applies past events in the order given', () => {
      const contador = new Contador().rehydrate([incrementado(2), domainEvent('Reiniciado', {}) as ContadorEvent, incrementado(5)]);
      expect(contador.valor).toBe(5);
    });

    it('lets new events continue the version after the history', () => {
      const contador = new Contador().rehydrate([incrementado(2), incrementado(5)]);
      contador.incrementar(1);
      expect({ version: contador.version, pending: contador.pendingEvents.length }).toEqual({ version: 3, pending: 1 });
    });
  });

  describe('identity', () => {
    it('is equal to another aggregate of its class with the same id', () => {
      expect(new Contador('a').equals(new Contador('a').rehydrate([incrementado(1)]))).toBe(true);
    });

    it('is not equal to one with another id', () => {
      expect(new Contador('a').equals(new Contador('b'))).toBe(false);
    });
  });
});
