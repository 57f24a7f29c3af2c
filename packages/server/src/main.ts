import { getHeapStatistics } from 'node:v8'
import { serve } from '@hono/node-server'
import { loadConfig } from './config'
import { createCrm } from './crm'
import { restartWithYoungGenerationCap } from './heap'
import { serverTimeouts } from './http/server-timeouts'

restartWithYoungGenerationCap()

const config = loadConfig()
const crm = createCrm(config)
const { logger } = crm

// `npm start` caps V8's old generation at 1 GiB. Below 2 GiB, V8 lets that generation grow to at most 1.6 times its
// live objects between collections, instead of 4 times: the server's peak RSS under load measured ~55 MB lower, for
// ~1 % more of the main thread's time in collections. (The young generation is `restartWithYoungGenerationCap`'s
// to cap, from Node 24 on; heap/young-generation.ts says with which flag on which release, and why.)
const heapLimitMiB = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20)
if (heapLimitMiB > 1536) {
  logger.warn('started without the V8 flags of npm start: the heap may hold several times its live size', { heapLimitMiB })
}

const server = serve({ fetch: crm.app.fetch, port: config.port, hostname: config.host, serverOptions: serverTimeouts(config) }, (info) => {
  logger.info('listening', {
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${info.port}`,
    database: config.databasePath,
    heapLimitMiB,
  })
  console.error(`CRM listening on http://${config.host}:${info.port}  (admin page at /, API reference at /docs)`)
})

let stopping = false
/** Stop accepting, let in-flight requests finish, then close the database. */
function shutdown(signal: string): void {
  if (stopping) return
  stopping = true
  logger.info('shutting down', { signal })
  const force = setTimeout(() => {
    if ('closeAllConnections' in server) server.closeAllConnections()
  }, 10_000)
  force.unref()
  server.close(async () => {
    await crm.close()
    logger.info('stopped', { signal })
    process.exit(0)
  })
  if ('closeIdleConnections' in server) server.closeIdleConnections()
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
