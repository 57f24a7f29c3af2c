import { createServer, type Server } from 'node:http'
import { PAGE_CSS, PAGE_SCRIPT, pageHtml, pagePolicy } from './page'
import { tokenMinter } from './token-minter'

/**
 * The example's backend: serves the dashboard page and `GET /crm-token`, which mints a widget token with the
 * secret key. A real shop would check its own login before minting.
 *
 * @example
 * createEmbedServer({ crmHost: 'http://127.0.0.1:3000', secretKey: 'crm_sk_…' }).listen(4000)
 */
export function createEmbedServer(options: { crmHost: string; secretKey: string; ttlSeconds?: number }): Server {
  const mint = tokenMinter(options)
  const html = pageHtml(options.crmHost)
  const policy = pagePolicy(options.crmHost)
  return createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    try {
      if (path === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy })
        response.end(html)
      } else if (path === '/page.js') {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' })
        response.end(PAGE_SCRIPT)
      } else if (path === '/page.css') {
        response.writeHead(200, { 'content-type': 'text/css; charset=utf-8' })
        response.end(PAGE_CSS)
      } else if (path === '/crm-token') {
        response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        response.end(JSON.stringify(await mint()))
      } else {
        response.writeHead(404, { 'content-type': 'text/plain' })
        response.end('not found')
      }
    } catch (error) {
      response.writeHead(502, { 'content-type': 'text/plain' })
      response.end((error as Error).message)
    }
  })
}
