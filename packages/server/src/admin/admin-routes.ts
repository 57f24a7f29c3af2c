import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../http/env'
import { readAdminAsset, readWidgetScript } from './admin-assets'
import { ADMIN_CSP, ADMIN_PAGE_HTML } from './admin-page'

const NOT_BUILT = (what: string) => `/* ${what} is not built yet: run "npm run build" */`

/**
 * The admin page at `/` with its bundle under `/admin/`, and the widget's script at `/widget.js`, which other
 * origins load: it is public, cacheable and allowed cross-origin.
 *
 * @example
 * registerAdminRoutes(app)
 */
export function registerAdminRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get('/', (c) => {
    c.header('Content-Security-Policy', ADMIN_CSP)
    c.header('Cache-Control', 'no-cache')
    return c.html(ADMIN_PAGE_HTML)
  })
  app.get('/admin/admin.js', (c) => asset(c, readAdminAsset('admin.js'), 'text/javascript', 'the admin page'))
  app.get('/admin/admin.css', (c) => asset(c, readAdminAsset('admin.css'), 'text/css', 'the admin page'))
  app.get('/widget.js', (c) => {
    const script = readWidgetScript()
    c.header('Access-Control-Allow-Origin', '*')
    c.header('Cross-Origin-Resource-Policy', 'cross-origin')
    return asset(c, script, 'text/javascript', 'the widget', 'public, max-age=300, stale-while-revalidate=86400')
  })
}

function asset(c: Context<AppEnv>, text: string | undefined, type: string, what: string, cache = 'no-cache'): Response {
  if (text === undefined) return c.body(NOT_BUILT(what), 503, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' })
  return c.body(text, 200, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': cache })
}
