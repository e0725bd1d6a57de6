import { Agent, request } from 'node:http';

export interface JsonResponse<T> {
  status: number;
  body: T;
}

/**
 * JSON over HTTP for the saga benchmark, on node:http with kept-alive connections. The benchmark
 * shares the machine's two cores with the five services it measures, and `fetch` (undici's WHATWG
 * layer) cost it about 1 ms of CPU per request here; this costs a fraction of that.
 */
export class BenchHttp {
  private readonly agent: Agent;

  constructor(maxSockets: number) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  get<T>(url: string): Promise<JsonResponse<T>> {
    return this.send<T>('GET', url);
  }

  post<T>(url: string, body: unknown): Promise<JsonResponse<T>> {
    return this.send<T>('POST', url, JSON.stringify(body));
  }

  close(): void {
    this.agent.destroy();
  }

  private send<T>(method: string, url: string, payload?: string): Promise<JsonResponse<T>> {
    const headers: Record<string, string | number> = payload
      ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
      : {};
    return new Promise((resolve, reject) => {
      const req = request(url, { method, agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          try {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : undefined) as T });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  }
}
