import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url))

/**
 * The Node flags of the package's `start` script (`node <flags> dist/main.js`), so that tests and benchmarks run the
 * server as `npm start` does.
 */
export function startScriptFlags(packageJsonUrl = new URL('../package.json', import.meta.url)): string[] {
  const { scripts } = JSON.parse(readFileSync(packageJsonUrl, 'utf8')) as { scripts: { start: string } }
  const words = scripts.start.trim().split(/\s+/)
  return words.slice(words.indexOf('node') + 1, -1)
}

/** One JSON line of the server's log. */
export type LogLine = { level: string; msg: string } & Record<string, unknown>

export type ServerProcess = {
  url: string
  child: ChildProcess
  /** The log lines written until the server listened, that one included. */
  startupLog: LogLine[]
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/**
 * Starts the built server (`dist/main.js`) as a child process, with `npm start`'s flags unless others are given, on a
 * free port and resolves once it listens.
 */
export async function startServerProcess(env: Record<string, string>, nodeFlags = startScriptFlags()): Promise<ServerProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first`)
  const child = spawn(process.execPath, [...nodeFlags, MAIN], {
    env: { ...process.env, PORT: '0', CRM_AI: 'off', CRM_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const startupLog: LogLine[] = []
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    let listening = false
    lines.on('line', (line) => {
      if (listening || !line.startsWith('{')) return
      const entry = JSON.parse(line) as LogLine
      startupLog.push(entry)
      if (entry.msg === 'listening' && typeof entry.url === 'string') {
        listening = true
        resolve(entry.url)
      }
    })
    child.stderr!.resume()
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening`)))
  })
  return {
    url,
    child,
    startupLog,
    stop(signal = 'SIGTERM') {
      child.kill(signal)
      return exited
    },
  }
}

/** What signing up returns: the first app's id and secret key, and the session cookie. */
export type SignedUp = { appId: string; secret: string; cookie: string }

/**
 * Signs up over HTTP on a server process, as a new user would.
 *
 * @example
 * const { secret } = await signUp(server.url, 'ada@example.com')
 */
export async function signUp(url: string, email: string): Promise<SignedUp> {
  const res = await fetch(`${url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Test', email, password: 'test-password-1' }),
  })
  if (res.status !== 201) throw new Error(`signup failed: ${res.status}`)
  const body = (await res.json()) as { app: { id: string }; apiKeys: { secret: string } }
  return { appId: body.app.id, secret: body.apiKeys.secret, cookie: res.headers.get('set-cookie')!.split(';', 1)[0]! }
}
