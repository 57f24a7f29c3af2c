import { OpenAPIHono } from '@hono/zod-openapi'
import { describe, expect, it } from 'vitest'
import type { AppEnv } from '../http/env'
import type { SdkAsset, SdkAssetName } from './sdk-assets'
import { registerSdkRoutes } from './sdk-routes'

const files: Record<SdkAssetName, SdkAsset> = {
  'sdk.js': { body: new TextEncoder().encode('var CrmSdk = {}'), etag: '"sha256-script"' },
  'crm-sdk.tgz': { body: new Uint8Array([0x1f, 0x8b, 8, 0]), etag: '"sha256-tarball"' },
}

function appWith(read: (name: SdkAssetName) => SdkAsset | undefined) {
  const app = new OpenAPIHono<AppEnv>()
  registerSdkRoutes(app, read)
  return app
}

describe('the SDK routes', () => {
  const app = appWith((name) => files[name])

  it('serves the script for any origin, cacheable, with an ETag', async () => {
    const res = await app.request('/sdk.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=86400')
    expect(res.headers.get('etag')).toBe('"sha256-script"')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(await res.text()).toBe('var CrmSdk = {}')
  })

  it('serves the tarball as gzip, revalidated on every install', async () => {
    const res = await app.request('/sdk/crm-sdk.tgz')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/gzip')
    expect(res.headers.get('content-length')).toBe('4')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(res.headers.get('etag')).toBe('"sha256-tarball"')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="crm-sdk.tgz"')
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(files['crm-sdk.tgz'].body)
  })

  it('answers 304 to a matching If-None-Match (also weak, in a list, or *), and the file to another', async () => {
    for (const header of ['"sha256-tarball"', 'W/"sha256-tarball"', '"old", "sha256-tarball"', '*']) {
      const res = await app.request('/sdk/crm-sdk.tgz', { headers: { 'if-none-match': header } })
      expect(res.status, header).toBe(304)
      expect(res.headers.get('etag')).toBe('"sha256-tarball"')
      expect(await res.text()).toBe('')
    }
    expect((await app.request('/sdk/crm-sdk.tgz', { headers: { 'if-none-match': '"old"' } })).status).toBe(200)
  })

  it('answers HEAD with the headers and no body', async () => {
    const res = await app.request('/sdk.js', { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(res.headers.get('etag')).toBe('"sha256-script"')
    expect(await res.text()).toBe('')
  })

  it('answers 503, not cached, while the SDK is not built', async () => {
    const unbuilt = appWith(() => undefined)
    for (const path of ['/sdk.js', '/sdk/crm-sdk.tgz']) {
      const res = await unbuilt.request(path)
      expect(res.status).toBe(503)
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(res.headers.get('content-disposition')).toBeNull()
      expect(await res.text()).toContain('npm run build')
    }
  })
})
