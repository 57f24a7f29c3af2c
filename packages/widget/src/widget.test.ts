import { readFile } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
import { expect, it } from 'vitest'

const dist = new URL('../dist/', import.meta.url)
const MAX_GZIPPED_BYTES = 15 * 1024

it(`keeps dist/widget.js at most ${MAX_GZIPPED_BYTES} bytes gzipped`, async () => {
  const bundle = await readFile(new URL('widget.js', dist))
  const gzipped = gzipSync(bundle, { level: 9 }).length
  console.info(`dist/widget.js: ${bundle.length} B, ${gzipped} B gzipped (ceiling ${MAX_GZIPPED_BYTES} B)`)
  expect(gzipped).toBeLessThanOrEqual(MAX_GZIPPED_BYTES)
  // A classic script: it must not contain module syntax, or <script src> without type=module breaks.
  expect(bundle.toString()).not.toMatch(/^\s*(import|export)\s/m)
})

it('ships the charts as an ES module with type declarations', async () => {
  const [charts, declarations] = await Promise.all([
    readFile(new URL('charts.js', dist), 'utf8'),
    readFile(new URL('charts.d.ts', dist), 'utf8'),
  ])
  expect(charts).toMatch(/export\s*\{[^}]*\blineChart\b/)
  expect(charts).toMatch(/export\s*\{[^}]*\bbarChart\b/)
  expect(declarations).toMatch(/declare function lineChart\(options: LineChartOptions\): SVGSVGElement/)
})
