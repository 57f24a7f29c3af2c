import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

/** Where the admin page's bundle may be: beside the built server (`dist/admin/`), or built from source in a checkout. */
const ADMIN_DIRS = [new URL('./admin/', import.meta.url), new URL('../../dist/admin/', import.meta.url)]

/**
 * Reads a built asset of the admin page (`admin.js`, `admin.css`), once; undefined while it is not built.
 *
 * @example
 * readAdminAsset('admin.js') // the bundle's text
 */
export function readAdminAsset(name: 'admin.js' | 'admin.css'): string | undefined {
  const cached = assets.get(name)
  if (cached !== undefined) return cached
  for (const dir of ADMIN_DIRS) {
    const text = readIfThere(fileURLToPath(new URL(name, dir)))
    if (text !== undefined) {
      assets.set(name, text)
      return text
    }
  }
  return undefined
}

/**
 * The widget's built script, `@crm/widget`'s `dist/widget.js`, read once; undefined while it is not built.
 *
 * @example
 * readWidgetScript()?.length
 */
export function readWidgetScript(): string | undefined {
  const cached = assets.get('widget.js')
  if (cached !== undefined) return cached
  let path: string
  try {
    path = createRequire(import.meta.url).resolve('@crm/widget/widget.js')
  } catch {
    return undefined
  }
  const text = readIfThere(path)
  if (text !== undefined) assets.set('widget.js', text)
  return text
}

const assets = new Map<string, string>()

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}
