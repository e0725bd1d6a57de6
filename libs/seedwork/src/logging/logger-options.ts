import type { Params } from 'nestjs-pino';
import type { ServiceSettings } from '../config/service-settings.js';

/** Structured JSON logs, one line per event, each carrying the service name. */
export function loggerOptions(settings: ServiceSettings): Params {
  return {
    pinoHttp: {
      level: settings.logLevel,
      base: { service: settings.service },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => req.url === '/health' },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
