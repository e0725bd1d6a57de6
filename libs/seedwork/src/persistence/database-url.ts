import { isAbsolute, join, resolve } from 'node:path';

/** Where a service keeps its data, read from a `DATABASE_URL`-like variable. */
export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'mysql' | 'mariadb'; url: string; database: string };

export class DatabaseUrlError extends Error {}

/**
 * Parses `sqlite:<path>` (relative to the working directory; `sqlite:///abs/path` for absolute),
 * `mysql://user:pass@host:port/db` and `mariadb://…`. An empty value means the embedded default,
 * `${dataDir}/${fallbackName}.sqlite`.
 */
export function parseDatabaseUrl(value: string | undefined, dataDir: string, fallbackName: string): DatabaseTarget {
  const raw = value?.trim();
  if (!raw) return { kind: 'sqlite', file: resolve(join(dataDir, `${fallbackName}.sqlite`)) };
  if (raw.startsWith('sqlite:')) {
    let path = raw.slice('sqlite:'.length);
    if (path.startsWith('//')) path = path.slice(2);
    if (!path) throw new DatabaseUrlError('a sqlite URL needs a file path, e.g. sqlite:./data/pagos.sqlite');
    return { kind: 'sqlite', file: isAbsolute(path) ? path : resolve(path) };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DatabaseUrlError(`"${redact(raw)}" is not a URL; expected sqlite:<file>, mysql://… or mariadb://…`);
  }
  const kind = url.protocol.slice(0, -1);
  if (kind !== 'mysql' && kind !== 'mariadb') {
    throw new DatabaseUrlError(`unsupported scheme "${url.protocol}"; expected sqlite:, mysql: or mariadb:`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!url.hostname) throw new DatabaseUrlError(`"${redact(raw)}" has no host`);
  if (!/^[A-Za-z0-9_$]+$/.test(database)) {
    throw new DatabaseUrlError(`"${redact(raw)}" must name a database (letters, digits, _ or $), e.g. ${kind}://root@127.0.0.1:3306/pagos`);
  }
  return { kind, url: raw, database };
}

/** The URL with its password hidden, for logs and error messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^/]*@/, '$1***@');
}

export function describeTarget(target: DatabaseTarget): string {
  return target.kind === 'sqlite' ? `sqlite:${target.file}` : redact(target.url);
}
