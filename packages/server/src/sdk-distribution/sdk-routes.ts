import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../http/env'
import { readSdkAsset, type SdkAsset, type SdkAssetName } from './sdk-assets'

/** Where the routes get the files; tests pass their own. */
export type SdkAssetReader = (name: SdkAssetName) => SdkAsset | undefined

/**
 * The SDK as this server built it, for self-hosted installs with no registry to get `crm-sdk` from:
 * `/sdk/crm-sdk.tgz`, an npm package (`npm install http://<host>/sdk/crm-sdk.tgz`), and `/sdk.js`, the `<script>`
 * build that defines the global `CrmSdk`, which other origins load (public, cacheable, allowed cross-origin, as
 * `/widget.js`). Both carry a strong ETag and answer `304` to `If-None-Match`. The URLs do not change with the
 * version, so the tarball is revalidated on every install (`no-cache`: a server upgrade is picked up at once) and
 * the script is cached for five minutes. Not in the OpenAPI document, like the widget's script: they are files,
 * not API.
 *
 * @example
 * registerSdkRoutes(app)
 */
export function registerSdkRoutes(app: OpenAPIHono<AppEnv>, read: SdkAssetReader = readSdkAsset): void {
  // Read at start, so a running server keeps them even if a rebuild empties dist/ meanwhile.
  read('sdk.js')
  read('crm-sdk.tgz')
  app.get('/sdk.js', (c) => {
    c.header('Access-Control-Allow-Origin', '*')
    c.header('Cross-Origin-Resource-Policy', 'cross-origin')
    return serve(c, read('sdk.js'), 'text/javascript; charset=utf-8', 'public, max-age=300, stale-while-revalidate=86400')
  })
  app.get('/sdk/crm-sdk.tgz', (c) => {
    c.header('Content-Disposition', 'attachment; filename="crm-sdk.tgz"')
    return serve(c, read('crm-sdk.tgz'), 'application/gzip', 'no-cache')
  })
}

function serve(c: Context<AppEnv>, asset: SdkAsset | undefined, type: string, cacheControl: string): Response {
  if (!asset) {
    c.header('Content-Disposition', undefined)
    return c.text('The SDK is not built on this server yet: run "npm run build".', 503, { 'Cache-Control': 'no-store' })
  }
  c.header('ETag', asset.etag)
  c.header('Cache-Control', cacheControl)
  if (matches(c.req.header('If-None-Match'), asset.etag)) return c.body(null, 304)
  return c.body(asset.body, 200, { 'Content-Type': type, 'Content-Length': String(asset.body.byteLength) })
}

/** `If-None-Match` compares weakly (RFC 9110 §13.1.2): `W/` is ignored, and `*` matches any current file. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header.split(',').some((tag) => {
    const candidate = tag.trim().replace(/^W\//, '')
    return candidate === '*' || candidate === etag
  })
}
