import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { build } from 'esbuild'

const run = promisify(execFile)

/** The file of the package that carries the licenses of the code bundled into it. */
export const BUNDLED_LICENSES = 'THIRD-PARTY-LICENSES.md'

/** What `packStandalone` made. */
export interface StandalonePackage {
  /** The tarball, `<destination>/crm-sdk.tgz`. */
  tarball: string
  /** The SDK's version, as its package.json gives it. */
  version: string
  /** The npm packages bundled into the build (`ofetch` and what it imports), `name@version`. */
  bundled: string[]
}

interface PackageJson {
  name: string
  version: string
  license?: string
  files?: string[]
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  scripts?: Record<string, string>
}

/**
 * Packs the SDK's build (`dist/`, which must be built) as an npm package that installs with no registry: the ESM
 * and CommonJS entries get ofetch (and what it imports) bundled in, so the package has no dependencies, and the
 * licenses of the bundled code travel in `THIRD-PARTY-LICENSES.md`. Everything else (types, the browser builds,
 * README, exports) is the build as it is. The server serves the result at `/sdk/crm-sdk.tgz`, for self-hosted
 * installs where `crm-sdk` cannot come from a registry. On a registry the SDK keeps ofetch as a dependency, so
 * apps that use it share one copy.
 *
 * The tarball is written under a temporary name and renamed, so a server reading it never sees half a file.
 *
 * @example
 * const { tarball } = await packStandalone('/srv/crm/dist/sdk') // '/srv/crm/dist/sdk/crm-sdk.tgz'
 */
export async function packStandalone(destination: string, sdkRoot = fileURLToPath(new URL('..', import.meta.url))): Promise<StandalonePackage> {
  const dist = join(sdkRoot, 'dist')
  if (!existsSync(join(dist, 'index.js'))) throw new Error(`${dist} is not built: run "npm run build -w crm-sdk" first`)
  const manifest = JSON.parse(readFileSync(join(sdkRoot, 'package.json'), 'utf8')) as PackageJson
  const staging = mkdtempSync(join(tmpdir(), 'crm-sdk-standalone-'))
  try {
    cpSync(dist, join(staging, 'dist'), { recursive: true, filter: (path) => !path.endsWith('.map') })
    cpSync(join(sdkRoot, 'README.md'), join(staging, 'README.md'))
    const bundled = await bundleDependencies(join(dist, 'index.js'), join(staging, 'dist'))
    writeFileSync(join(staging, BUNDLED_LICENSES), licensesOf(bundled))
    writeFileSync(join(staging, 'package.json'), `${JSON.stringify(standaloneManifest(manifest), null, 2)}\n`)
    mkdirSync(destination, { recursive: true })
    const packed = join(staging, 'packed')
    mkdirSync(packed)
    const { stdout } = await run('npm', ['pack', staging, '--pack-destination', packed, '--ignore-scripts', '--json'], {
      cwd: staging,
      env: withoutNpmConfig(process.env),
      shell: process.platform === 'win32',
    })
    const [{ filename }] = JSON.parse(stdout) as [{ filename: string }]
    const tarball = join(destination, 'crm-sdk.tgz')
    // Same file system for an atomic rename: a temporary name beside the target.
    const next = `${tarball}.${process.pid}.tmp`
    cpSync(join(packed, filename), next)
    renameSync(next, tarball)
    return { tarball, version: manifest.version, bundled: bundled.map(({ name, version }) => `${name}@${version}`) }
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

interface BundledPackage {
  name: string
  version: string
  license: string
  text: string
}

/** Rebuilds `dist/index.js` and `dist/index.cjs` from the ESM build with its dependencies inside; returns them. */
async function bundleDependencies(entry: string, outDir: string): Promise<BundledPackage[]> {
  const inputs = new Set<string>()
  const base = dirname(entry)
  for (const [format, file] of [
    ['esm', 'index.js'],
    ['cjs', 'index.cjs'],
  ] as const) {
    const result = await build({
      entryPoints: [entry],
      outfile: join(outDir, file),
      bundle: true,
      format,
      // ofetch's platform-neutral build: it calls the global fetch, which every Node the SDK supports (20.19+) has;
      // its Node build would add node-fetch-native for Node versions without one.
      platform: 'neutral',
      mainFields: ['module', 'main'],
      target: 'es2022',
      metafile: true,
      // Paths in the bundle's comments relative to the SDK, whoever runs the build: the same build, the same bytes.
      absWorkingDir: base,
      logLevel: 'silent',
    })
    for (const input of Object.keys(result.metafile.inputs)) inputs.add(join(base, input))
  }
  const roots = new Set<string>()
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.split(sep).join('/'))
    if (match) roots.add(match[1]!)
  }
  return [...roots].sort().map((root) => {
    const { name, version, license = 'see the package' } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson
    const file = ['LICENSE', 'LICENSE.md', 'license', 'LICENCE'].map((name) => join(root, name)).find((path) => existsSync(path))
    return { name, version, license, text: file ? readFileSync(file, 'utf8').trim() : `${license} (no license file in the package)` }
  })
}

function licensesOf(bundled: BundledPackage[]): string {
  const sections = bundled.map(({ name, version, license, text }) => `## ${name}@${version} (${license})\n\n${text}\n`)
  return `# Code bundled into crm-sdk's dist/index.js and dist/index.cjs\n\n${sections.join('\n')}`
}

/** The SDK's package.json without what a user's install must not see: dependencies (now bundled), dev tooling, scripts. */
function standaloneManifest(manifest: PackageJson): PackageJson {
  const { dependencies: _bundled, devDependencies: _tooling, scripts: _scripts, ...rest } = manifest
  return { ...rest, files: [...(manifest.files ?? ['dist']), BUNDLED_LICENSES] }
}

/** The environment without npm's `npm_*` variables, so an `npm run build` around us cannot steer this `npm pack`. */
function withoutNpmConfig(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.toLowerCase().startsWith('npm_')))
}
