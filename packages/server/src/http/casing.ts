/**
 * Rows are snake_case (SQL), the API is camelCase (JSON). Only top-level keys are renamed: JSON
 * columns already hold camelCase documents. `workspace_id` never leaves the server — the workspace
 * is implied by who asks.
 */

export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function toApi(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) if (key !== 'workspace_id') out[camelCase(key)] = value;
  return out;
}

export function fromApi(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (value !== undefined) out[snakeCase(key)] = value;
  return out;
}
