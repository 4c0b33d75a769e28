// A real HTTP server on 127.0.0.1 that plays a platform's API for connector tests, with scripted faults.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is, in UTF-8 (e.g. a truncated body or XML); a Buffer byte for byte (other charsets). */
  body?: unknown;
}

export type FakeHandler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;

interface Route {
  method: string;
  path: string | RegExp;
  handler: FakeHandler;
}

function matches(path: string | RegExp, pathname: string): boolean {
  return typeof path === 'string' ? path === pathname : path.test(pathname);
}

export class FakePlatform {
  readonly requests: FakeRequest[] = [];
  private readonly routes: Route[] = [];
  private readonly faults: Array<{ path: string | RegExp; response: FakeResponse }> = [];

  private constructor(private readonly server: Server, readonly url: string) {}

  static async start(): Promise<FakePlatform> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakePlatform(server, `http://127.0.0.1:${port}`);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request: FakeRequest = {
          method: req.method ?? 'GET',
          url: new URL(req.url ?? '/', fake.url),
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        fake.requests.push(request);
        void fake.respond(request).then(
          (response) => {
            const raw = typeof response.body === 'string' || Buffer.isBuffer(response.body);
            const body = raw ? (response.body as string | Buffer) : JSON.stringify(response.body ?? {});
            const type = raw ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
            res.writeHead(response.status ?? 200, { 'content-type': type, ...response.headers });
            res.end(body);
          },
          (error: Error) => {
            res.writeHead(500, { 'content-type': 'text/plain' });
            res.end(`fake platform handler failed: ${error.message}`);
          },
        );
      });
    });
    return fake;
  }

  /** Serves `path` with `handler` (the platform's normal behaviour). */
  route(method: string, path: string | RegExp, handler: FakeHandler): void {
    this.routes.push({ method, path, handler });
  }

  /** The next requests to `path` get these responses, one each, before normal service resumes. */
  interrupt(path: string | RegExp, ...responses: FakeResponse[]): void {
    for (const response of responses) this.faults.push({ path, response });
  }

  /** Requests made to a path, for asserting what the connector asked for. */
  requestsTo(path: string | RegExp): FakeRequest[] {
    return this.requests.filter((req) => matches(path, req.url.pathname));
  }

  reset(): void {
    this.requests.length = 0;
    this.faults.length = 0;
  }

  private async respond(req: FakeRequest): Promise<FakeResponse> {
    const fault = this.faults.findIndex((f) => matches(f.path, req.url.pathname));
    if (fault >= 0) return this.faults.splice(fault, 1)[0].response;
    const route = this.routes.find((r) => r.method === req.method && matches(r.path, req.url.pathname));
    if (!route) return { status: 404, body: { error: `no fake route for ${req.method} ${req.url.pathname}` } };
    return route.handler(req);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }
}
