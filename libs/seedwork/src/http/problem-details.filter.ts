import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, type DomainErrorKind } from '../domain/domain-error.js';
import { InvalidInputError } from './invalid-input.error.js';
import { problem, PROBLEM_CONTENT_TYPE, type Problem } from './problem.js';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  INVALIDO: 400,
  NO_ENCONTRADO: 404,
  CONFLICTO: 409,
  NO_PROCESABLE: 422,
};

/**
 * The one exception filter: domain errors, validation errors, Nest's HTTP errors (unknown route,
 * malformed JSON from the body parser) and anything unexpected all leave as problem+json.
 * Never a stack trace in a response; unexpected errors are logged with theirs.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toProblem(exception);
    if (body.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  toProblem(exception: unknown): Problem {
    if (exception instanceof InvalidInputError) {
      return problem(400, exception.message, undefined, exception.errors);
    }
    if (exception instanceof DomainError) {
      return problem(STATUS_OF_KIND[exception.kind], exception.message, `https://aeroalpes.dev/problemas/${exception.code}`);
    }
    if (exception instanceof HttpException) {
      return problem(exception.getStatus(), detailOf(exception));
    }
    const status = httpStatusOf(exception);
    if (status !== undefined && status >= 400 && status < 500) {
      // body-parser's errors (malformed JSON, too large, bad charset) carry a status of their own.
      return problem(status, status === 400 ? 'The request body is not valid JSON' : (exception as Error).message);
    }
    return problem(500, 'An unexpected error occurred; it has been logged');
  }
}

function detailOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string') return message;
  return exception.message;
}

function httpStatusOf(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const candidate = (exception as { status?: unknown; statusCode?: unknown }).status ?? (exception as { statusCode?: unknown }).statusCode;
  return typeof candidate === 'number' ? candidate : undefined;
}
