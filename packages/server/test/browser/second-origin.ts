import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export type SecondOrigin = { origin: string; page(path: string, html: string): string; close(): Promise<void> }

/** Another origin (its own port) serving the HTML pages a test gives it: the site that embeds the widget, or an attacker. */
export async function startSecondOrigin(): Promise<SecondOrigin> {
  const pages = new Map<string, string>()
  const server = createServer((request, response) => {
    const html = pages.get(new URL(request.url ?? '/', 'http://x').pathname)
    response.writeHead(html === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' })
    response.end(html ?? 'not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    page(path, html) {
      pages.set(path, html)
      return origin + path
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
