import { listen, type RunningServer } from './http-server'

export interface HostPageServer extends RunningServer {
  /** Serves `html` at `path` from now on, with extra response headers (a Content-Security-Policy). */
  page(path: string, html: string, headers?: Record<string, string>): string
}

/** The embedding site: a second origin whose pages load the widget from the API's origin. */
export async function startHostPageServer(): Promise<HostPageServer> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>()
  const server = await listen((request, response) => {
    const page = pages.get(new URL(request.url ?? '/', 'http://localhost').pathname)
    response.writeHead(page === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8', ...page?.headers })
    response.end(page?.html ?? 'not found')
  })
  return {
    ...server,
    page(path, html, headers = {}) {
      pages.set(path, { html, headers })
      return `${server.origin}${path}`
    },
  }
}
