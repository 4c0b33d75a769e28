// Serves a fake platform's routes through a stubbed global fetch, so a connector can be fuzzed ten thousand times without sockets.
import type { FakeHandler, FakeRequest, FakeResponse } from '../helpers/fake-platform.js';

interface Route {
  method: string;
  path: string | RegExp;
  handler: FakeHandler;
}

const matches = (path: string | RegExp, pathname: string) => (typeof path === 'string' ? path === pathname : path.test(pathname));

/** Has the `url` and `route` of FakePlatform, which is all the emulators in test/integration/sources use. */
export class InMemoryPlatform {
  readonly url = 'http://platform.invalid';
  private readonly routes: Route[] = [];
  private swap: { original: unknown; replacement: unknown } | undefined;

  /**
   * Serves `replacement` wherever the emulator puts `original` in a JSON body: the emulator pages and
   * filters intact items (its own code is not under test), the connector receives the corrupted one.
   */
  substitute(original: unknown, replacement: unknown): void {
    this.swap = { original, replacement };
  }

  route(method: string, path: string | RegExp, handler: FakeHandler): void {
    this.routes.push({ method, path, handler });
  }

  /** A drop-in for global fetch that answers from the routes (404 otherwise; 500 if a route throws, as the real fake does). */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const request: FakeRequest = {
      method: init?.method ?? 'GET',
      url,
      headers: Object.fromEntries(new Headers(init?.headers) as unknown as Iterable<[string, string]>),
      body: typeof init?.body === 'string' ? init.body : '',
    };
    const route = this.routes.find((r) => r.method === request.method && url.origin === this.url && matches(r.path, url.pathname));
    let response: FakeResponse;
    try {
      response = route ? await route.handler(request) : { status: 404, body: { error: `no route for ${request.method} ${url.pathname}` } };
    } catch (error) {
      response = { status: 500, body: `emulator failed: ${(error as Error).message}` };
    }
    const swap = this.swap;
    const replacer = swap ? (_key: string, value: unknown) => (value === swap.original ? swap.replacement : value) : undefined;
    const body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? {}, replacer);
    const type = typeof response.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
    return new Response(body, { status: response.status ?? 200, headers: { 'content-type': type, ...response.headers } });
  };
}
