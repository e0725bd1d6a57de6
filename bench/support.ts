import mysql from 'mysql2/promise';

/** Percentile of a sorted list of numbers. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

export function table(rows: Array<Record<string, string | number>>): string {
  const headers = Object.keys(rows[0] ?? {});
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => String(r[h]).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(headers.map((h) => String(r[h]))))].join('\n');
}

/** The MariaDB/MySQL server to measure against: MYSQL_URL, or the local one when it answers. */
export async function mysqlServer(): Promise<string | undefined> {
  const url = process.env.MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306/test';
  try {
    const server = new URL(url);
    server.pathname = '/';
    const c = await mysql.createConnection({ uri: server.toString().replace(/^mariadb:/, 'mysql:'), connectTimeout: 2000 });
    await c.end();
    return url;
  } catch {
    return undefined;
  }
}

export async function dropDatabase(url: string, database: string): Promise<void> {
  const server = new URL(url);
  server.pathname = '/';
  const c = await mysql.createConnection({ uri: server.toString().replace(/^mariadb:/, 'mysql:') });
  await c.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await c.end();
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
