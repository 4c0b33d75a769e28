// GET /docs: Swagger UI over the OpenAPI document the routes describe, served from our own files (no CDN), behind
// the token like /api/openapi.json (Basic with the token as password, so a browser can open it).
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { operatorGuard } from './operations.js';

export const DOCS_PATH = '/docs';

export async function docsRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  await app.register(fastifySwaggerUi, {
    routePrefix: DOCS_PATH,
    uiConfig: { docExpansion: 'list', deepLinking: false, validatorUrl: null },
    uiHooks: { onRequest: operatorGuard(ctx) },
    // Our own CSP (security-headers.ts) is set on every response; swagger-ui's needs nothing more than 'self'.
    staticCSP: false,
  });
}
