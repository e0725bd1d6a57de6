import { describe, expect, it } from '@jest/globals';
import { join, resolve } from 'node:path';
import { DatabaseUrlError, describeTarget, parseDatabaseUrl, redact } from './database-url.js';

describe('parseDatabaseUrl', () => {
  describe('the embedded default', () => {
    it('uses <dataDir>/<fallbackName>.sqlite when the value is undefined', () => {
      expect(parseDatabaseUrl(undefined, './data', 'pagos')).toEqual({ kind: 'sqlite', file: resolve('data', 'pagos.sqlite') });
    });

    it('uses the default file when the value is empty or blank', () => {
      expect(parseDatabaseUrl('   ', '/srv/data', 'pagos')).toEqual({ kind: 'sqlite', file: join('/srv/data', 'pagos.sqlite') });
    });
  });

  describe('sqlite URLs', () => {
    it('resolves sqlite:./x.sqlite against the working directory', () => {
      expect(parseDatabaseUrl('sqlite:./x.sqlite', './data', 'pagos')).toEqual({ kind: 'sqlite', file: resolve('x.sqlite') });
    });

    it('keeps the absolute path of sqlite:///abs/x.sqlite', () => {
      expect(parseDatabaseUrl('sqlite:///abs/x.sqlite', './data', 'pagos')).toEqual({ kind: 'sqlite', file: '/abs/x.sqlite' });
    });

    it('rejects a sqlite URL without a file path', () => {
      expect(() => parseDatabaseUrl('sqlite:', './data', 'pagos')).toThrow(DatabaseUrlError);
    });
  });

  describe('mysql and mariadb URLs', () => {
    it('reads the database name of a mysql URL and keeps the URL as given', () => {
      const url = 'mysql://root:secret@db.local:3306/pagos';
      expect(parseDatabaseUrl(url, './data', 'pagos')).toEqual({ kind: 'mysql', url, database: 'pagos' });
    });

    it('reads a mariadb URL as kind mariadb', () => {
      const url = 'mariadb://root@127.0.0.1:3306/pagos_test';
      expect(parseDatabaseUrl(url, './data', 'pagos')).toEqual({ kind: 'mariadb', url, database: 'pagos_test' });
    });

    it('rejects a mysql URL without a database name', () => {
      expect(() => parseDatabaseUrl('mysql://root@127.0.0.1:3306/', './data', 'pagos')).toThrow(/must name a database/);
    });

    it('rejects a database name with characters outside letters, digits, _ and $', () => {
      expect(() => parseDatabaseUrl('mysql://root@127.0.0.1:3306/pa-gos', './data', 'pagos')).toThrow(/must name a database/);
    });
  });

  describe('unsupported values', () => {
    it('rejects postgres:// naming the scheme', () => {
      expect(() => parseDatabaseUrl('postgres://u@h:5432/pagos', './data', 'pagos')).toThrow(/unsupported scheme "postgres:"/);
    });

    it('rejects a value that is not a URL', () => {
      expect(() => parseDatabaseUrl('not a url', './data', 'pagos')).toThrow(/is not a URL/);
    });

    it('throws DatabaseUrlError, not a generic error, for garbage', () => {
      expect(() => parseDatabaseUrl('::::', './data', 'pagos')).toThrow(DatabaseUrlError);
    });

    it('does not reveal the password in its error message', () => {
      let message = '';
      try {
        parseDatabaseUrl('mysql://root:s3cr3t@127.0.0.1:3306/', './data', 'pagos');
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/must name a database/);
      expect(message).not.toContain('s3cr3t');
    });
  });
});

describe('redact', () => {
  it('hides the password of a URL', () => {
    expect(redact('mysql://root:s3cr3t@db:3306/pagos')).toBe('mysql://root:***@db:3306/pagos');
  });

  it('hides a password that contains an unencoded @', () => {
    expect(redact('mysql://root:p@ss@db:3306/pagos')).toBe('mysql://root:***@db:3306/pagos');
  });

  it('leaves a URL without a password unchanged', () => {
    expect(redact('mariadb://root@127.0.0.1:3306/pagos')).toBe('mariadb://root@127.0.0.1:3306/pagos');
  });

  it('leaves a URL without credentials but with a port unchanged', () => {
    expect(redact('mysql://db:3306/pagos')).toBe('mysql://db:3306/pagos');
  });
});

describe('describeTarget', () => {
  it('shows a mysql target without its password', () => {
    expect(describeTarget({ kind: 'mysql', url: 'mysql://root:s3cr3t@db:3306/pagos', database: 'pagos' })).not.toContain('s3cr3t');
  });

  it('shows a sqlite target as sqlite:<file>', () => {
    expect(describeTarget({ kind: 'sqlite', file: '/abs/x.sqlite' })).toBe('sqlite:/abs/x.sqlite');
  });
});
