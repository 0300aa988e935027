/** The OpenAPI 3.1 document describes every route, each with its permission and problem responses. */
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createLogger } from './logger.ts';

const app = createApp({ db: {} as never, engine: 'sqlite', logger: createLogger({ level: 'silent' }) });
// `GET /*` is the web app (http/web-app.ts), not part of the API.
const UNDOCUMENTED = new Set(['GET /api/openapi.json', 'GET /api/docs', 'GET /*']);

describe('OpenAPI document', () => {
  it('is served as OpenAPI 3.1 with both security schemes', async () => {
    const response = await app.request('/api/openapi.json');
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      components: { securitySchemes: object; schemas: object };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'session']);
    expect(doc.components.schemas).toHaveProperty('Problem');
  });

  it('documents every route the app serves, each with a permission, a summary and problem responses', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<
          string,
          { 'x-permission'?: string; summary?: string; responses: Record<string, { content?: object }> }
        >
      >;
    };
    const documented = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) {
        documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
        expect(op['x-permission'], `${method} ${path}`).toBeDefined();
        expect(op.summary, `${method} ${path}`).toBeTruthy();
        expect(op.responses['404']?.content, `${method} ${path}`).toHaveProperty([
          'application/problem+json',
        ]);
      }
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path}`)
        .filter((r) => !UNDOCUMENTED.has(r)),
    );
    expect([...served].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.has(r))).toEqual([]);
  });

  it('serves interactive docs', async () => {
    const response = await app.request('/api/docs');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('/api/openapi.json');
  });
});
