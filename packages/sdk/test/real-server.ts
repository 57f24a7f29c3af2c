import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

export const SERVER_MAIN = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url))

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/**
 * Starts the real built CRM server (`packages/server/dist/main.js`) as a child process on a free port with an
 * in-memory database, and waits until it answers.
 */
export async function startRealServer(): Promise<{ url: string; process: ChildProcess; stop: () => Promise<void> }> {
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} is missing: run \`npm run build -w @crm/server\` first`)
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [SERVER_MAIN], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CRM_DATABASE: ':memory:', CRM_AI: 'off' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${stderr}`)
    try {
      const response = await fetch(`${url}/v1/connection`)
      if (response.status === 401) break
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer within 30 s: ${stderr}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const stop = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  return { url, process: child, stop }
}

/** Signs up per the contract and returns the new app's keys. */
export async function signUp(url: string): Promise<{ publishable: string; secret: string }> {
  const response = await fetch(`${url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'SDK end-to-end', email: `e2e-${Date.now()}@example.com`, password: 'correct horse battery staple' }),
  })
  if (response.status !== 201) throw new Error(`signup answered ${response.status}: ${await response.text()}`)
  const { apiKeys } = (await response.json()) as { apiKeys: { publishable: string; secret: string } }
  return apiKeys
}
