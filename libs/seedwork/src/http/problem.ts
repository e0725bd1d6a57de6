/** RFC 9457 problem details, as API.md specifies them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: CampoError[];
}

/** One validation failure: `campo` is the dotted path of the field (`itinerarios.0.odos`). */
export interface CampoError {
  campo: string;
  mensaje: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, detail: string, type?: string, errors?: CampoError[]): Problem {
  return {
    type: type ?? (status >= 500 ? 'about:blank' : `https://aeroalpes.dev/problemas/${status}`),
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}
