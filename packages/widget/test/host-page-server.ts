import { listen, type RunningServer } from './http-server'

export interface HostPageServer extends RunningServer {
  /** Serves `html` at `path` from now on. */
  page(path: string, html: string): string
}

/** The embedding site: a second origin whose pages load the widget from the API's origin. */
export async function startHostPageServer(): Promise<HostPageServer> {
  const pages = new Map<string, string>()
  const server = await listen((request, response) => {
    const html = pages.get(new URL(request.url ?? '/', 'http://localhost').pathname)
    response.writeHead(html === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' })
    response.end(html ?? 'not found')
  })
  return {
    ...server,
    page(path, html) {
      pages.set(path, html)
      return `${server.origin}${path}`
    },
  }
}
