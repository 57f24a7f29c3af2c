import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

/** The files the server hands out of its own build of the SDK (`dist/sdk/`, made by `buildSdkAssets`). */
export type SdkAssetName = 'crm-sdk.tgz' | 'sdk.js'

/** One of them, read into memory with its strong ETag (a digest of the bytes). */
export type SdkAsset = { body: Uint8Array<ArrayBuffer>; etag: string }

/** Where `dist/sdk/` may be: beside the built server, or in a checkout when the server runs from its sources. */
const SDK_DIRS = [new URL('./sdk/', import.meta.url), new URL('../../dist/sdk/', import.meta.url)]

const cache = new Map<SdkAssetName, SdkAsset>()

/**
 * Reads a file of the served SDK, once; undefined while the server's build has not made it. Kept in memory
 * afterwards, so a rebuild that empties `dist/` under a running server does not take it away.
 *
 * @example
 * readSdkAsset('sdk.js')?.etag // '"sha256-…"'
 */
export function readSdkAsset(name: SdkAssetName): SdkAsset | undefined {
  const cached = cache.get(name)
  if (cached) return cached
  for (const dir of SDK_DIRS) {
    let body: Uint8Array<ArrayBuffer>
    try {
      body = new Uint8Array(readFileSync(new URL(name, dir)))
    } catch {
      continue
    }
    const asset = { body, etag: `"sha256-${createHash('sha256').update(body).digest('base64url')}"` }
    cache.set(name, asset)
    return asset
  }
  return undefined
}
