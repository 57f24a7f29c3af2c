type OpenApiOperation = { summary?: string; description?: string; tags?: string[]; parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[]; requestBody?: { content?: Record<string, { schema?: unknown }> }; responses?: Record<string, { description?: string }> }
type OpenApiDocument = { info: { title: string; version: string; description?: string }; paths: Record<string, Record<string, OpenApiOperation>>; components?: { schemas?: Record<string, unknown> } }

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/**
 * Renders the OpenAPI document as one self-contained, readable HTML page (no scripts, no outside assets),
 * grouped by tag: every operation with its parameters, body schema and responses.
 *
 * @example
 * const html = renderReferencePage(document)
 */
export function renderReferencePage(document: OpenApiDocument): string {
  const byTag = new Map<string, string[]>()
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const tag = operation.tags?.[0] ?? 'Other'
      const params = (operation.parameters ?? [])
        .map((param) => `<li><code>${escapeHtml(param.name)}</code> <small>${escapeHtml(param.in)}${param.required ? ', required' : ''}</small> ${escapeHtml(param.description ?? '')}</li>`)
        .join('')
      const bodies = Object.entries(operation.requestBody?.content ?? {})
        .map(([type, media]) => `<details><summary>Body (${escapeHtml(type)})</summary><pre>${escapeHtml(JSON.stringify(media.schema, null, 2))}</pre></details>`)
        .join('')
      const responses = Object.entries(operation.responses ?? {})
        .map(([status, response]) => `<li><code>${escapeHtml(status)}</code> ${escapeHtml(response.description ?? '')}</li>`)
        .join('')
      const section = `<section id="${escapeHtml(`${method}-${path}`)}"><h3><span class="m">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
        <p>${escapeHtml(operation.summary ?? '')}</p>${operation.description ? `<p class="d">${escapeHtml(operation.description)}</p>` : ''}
        ${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ''}${bodies}<h4>Responses</h4><ul>${responses}</ul></section>`
      byTag.set(tag, [...(byTag.get(tag) ?? []), section])
    }
  }
  const schemas = Object.entries(document.components?.schemas ?? {})
    .map(([name, schema]) => `<details id="schema-${escapeHtml(name)}"><summary>${escapeHtml(name)}</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`)
    .join('')
  const nav = [...byTag.keys()].map((tag) => `<a href="#${escapeHtml(tag)}">${escapeHtml(tag)}</a>`).join(' · ')
  const body = [...byTag].map(([tag, sections]) => `<h2 id="${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${sections.join('')}`).join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(document.info.title)} — API reference</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1d2330}code,pre{font:13px ui-monospace,monospace}pre{background:#f4f5f8;padding:.75rem;overflow:auto;border-radius:6px}section{border-top:1px solid #e3e6ec;padding:.5rem 0}.m{display:inline-block;min-width:4.5rem;color:#3652d9}.d{color:#4a5263}h4{margin:.5rem 0 .25rem}</style>
</head><body><h1>${escapeHtml(document.info.title)} <small>${escapeHtml(document.info.version)}</small></h1>
<p>${escapeHtml(document.info.description ?? '')}</p><p>Machine-readable: <a href="/openapi.json">/openapi.json</a></p><nav>${nav}</nav>${body}<h2>Schemas</h2>${schemas}</body></html>`
}
