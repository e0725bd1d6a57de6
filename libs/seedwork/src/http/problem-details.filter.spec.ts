import { describe, expect, it } from '@jest/globals';
import { type ArgumentsHost, BadRequestException, NotFoundException } from '@nestjs/common';
import { ConflictError, DomainError, NotFoundError } from '../domain/domain-error.js';
import { InvalidInputError } from './invalid-input.error.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';

const filter = new ProblemDetailsFilter();

describe('ProblemDetailsFilter.toProblem', () => {
  describe('InvalidInputError', () => {
    const error = new InvalidInputError([{ campo: 'itinerarios.0.odos', mensaje: 'odos should not be empty' }]);

    it('answers 400', () => {
      expect(filter.toProblem(error).status).toBe(400);
    });

    it('lists the invalid fields in errors', () => {
      expect(filter.toProblem(error).errors).toEqual([{ campo: 'itinerarios.0.odos', mensaje: 'odos should not be empty' }]);
    });
  });

  describe('DomainError', () => {
    it('answers 400 for kind INVALIDO', () => {
      expect(filter.toProblem(new DomainError('RESERVA.SIN_ITINERARIOS', 'Sin itinerarios', 'INVALIDO')).status).toBe(400);
    });

    it('answers 404 for kind NO_ENCONTRADO', () => {
      expect(filter.toProblem(new NotFoundError('RESERVA.NO_ENCONTRADA', 'No existe')).status).toBe(404);
    });

    it('answers 409 for kind CONFLICTO', () => {
      expect(filter.toProblem(new ConflictError('RESERVA.YA_CANCELADA', 'Ya cancelada')).status).toBe(409);
    });

    it('puts the error code in the problem type', () => {
      expect(filter.toProblem(new ConflictError('RESERVA.YA_CANCELADA', 'Ya cancelada')).type).toContain('RESERVA.YA_CANCELADA');
    });

    it('uses the domain message as the detail', () => {
      expect(filter.toProblem(new ConflictError('RESERVA.YA_CANCELADA', 'La reserva ya fue cancelada')).detail).toBe(
        'La reserva ya fue cancelada',
      );
    });
  });

  describe("Nest's HTTP exceptions", () => {
    it('answers 404 for NotFoundException (an unknown route)', () => {
      expect(filter.toProblem(new NotFoundException('Cannot GET /nada')).status).toBe(404);
    });

    it('uses the exception message as the detail', () => {
      expect(filter.toProblem(new NotFoundException('Cannot GET /nada')).detail).toBe('Cannot GET /nada');
    });

    it('joins a list of messages into the detail', () => {
      expect(filter.toProblem(new BadRequestException(['a is wrong', 'b is wrong'])).detail).toBe('a is wrong; b is wrong');
    });
  });

  describe("body-parser's errors", () => {
    const malformed = Object.assign(new Error('Unexpected token } in JSON at position 9'), { status: 400, type: 'entity.parse.failed' });

    it('answers 400 for malformed JSON', () => {
      expect(filter.toProblem(malformed).status).toBe(400);
    });

    it('says the body is not valid JSON', () => {
      expect(filter.toProblem(malformed).detail).toBe('The request body is not valid JSON');
    });

    it('keeps the status of a too-large body (413)', () => {
      const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' });
      expect(filter.toProblem(tooLarge).status).toBe(413);
    });
  });

  describe('an unexpected error', () => {
    const unexpected = new Error('connection to db-secret-host refused');

    it('answers 500', () => {
      expect(filter.toProblem(unexpected).status).toBe(500);
    });

    it('does not reveal the error message in the detail', () => {
      expect(filter.toProblem(unexpected).detail).not.toContain('db-secret-host');
    });

    it('does not reveal the stack anywhere in the problem', () => {
      expect(JSON.stringify(filter.toProblem(unexpected))).not.toContain(unexpected.stack!.split('\n')[1].trim());
    });

    it('answers 500 for a thrown value that is not an Error', () => {
      expect(filter.toProblem('boom').status).toBe(500);
    });

    it('answers 500 for an error claiming a 5xx status of its own', () => {
      expect(filter.toProblem(Object.assign(new Error('upstream'), { status: 502 })).status).toBe(500);
    });
  });
});

describe('ProblemDetailsFilter.catch', () => {
  function httpHost() {
    const sent: { status?: number; type?: string; body?: string } = {};
    const response = {
      status(code: number) {
        sent.status = code;
        return response;
      },
      type(contentType: string) {
        sent.type = contentType;
        return response;
      },
      send(body: string) {
        sent.body = body;
        return response;
      },
    };
    const host = {
      getType: () => 'http',
      switchToHttp: () => ({ getResponse: () => response }),
    } as unknown as ArgumentsHost;
    return { host, sent };
  }

  it('sends the problem as application/problem+json with its status', () => {
    const { host, sent } = httpHost();
    filter.catch(new NotFoundError('RESERVA.NO_ENCONTRADA', 'No existe'), host);
    expect({ status: sent.status, type: sent.type, body: JSON.parse(sent.body!) }).toEqual({
      status: 404,
      type: PROBLEM_CONTENT_TYPE,
      body: expect.objectContaining({ status: 404, detail: 'No existe' }),
    });
  });

  it('rethrows outside of HTTP, leaving the error to its transport', () => {
    const error = new Error('in a message handler');
    const host = { getType: () => 'rpc' } as unknown as ArgumentsHost;
    expect(() => filter.catch(error, host)).toThrow(error);
  });
});
