/**
 * A small, dependency-free HTML rendering of an OpenAPI document: one section per tag, one row per
 * operation with its parameters. Enough for a human to find a route; Swagger UI or Redoc can read
 * `/api/api` for more.
 */

/** The parts of an OpenAPI 3.0 document the page reads. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: { url: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  [key: string]: unknown;
}

interface OpenApiOperation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Renders the document as a standalone HTML page; every text is escaped. */
export function renderServiceDoc(document: OpenApiDocument): string {
  const server = document.servers?.[0]?.url ?? '';
  const byTag = new Map<string, string[]>();
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = operations[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? 'Other';
      const parameters = (operation.parameters ?? [])
        .map((p) => `<code>${escape(p.name)}</code>${p.required ? '*' : ''} <small>(${escape(p.in)})</small>`)
        .join(', ');
      const row =
        `<tr><td class="m">${method.toUpperCase()}</td><td><code>${escape(path)}</code></td>` +
        `<td>${escape(operation.summary ?? '')}</td><td>${parameters}</td></tr>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), row]);
    }
  }
  const sections = [...byTag.entries()]
    .map(
      ([tag, rows]) =>
        `<h2>${escape(tag)}</h2><table><tr><th>Method</th><th>Path</th><th>Summary</th><th>Parameters</th></tr>${rows.join('')}</table>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(document.info.title)} – API</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}td.m{font-weight:bold}</style>
</head><body><h1>${escape(document.info.title)}</h1>
<p>${escape(document.info.description ?? '')}</p>
<p>OpenAPI ${escape(document.openapi)} description: <a href="${escape(server)}/api/api">${escape(server)}/api/api</a> · server <code>${escape(server)}</code></p>
${sections}
</body></html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
