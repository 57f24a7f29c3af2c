import { serve } from '@hono/node-server'
import { loadConfig } from './config'
import { createCrm } from './crm'

const config = loadConfig()
const crm = createCrm(config)
const { logger } = crm

const server = serve({ fetch: crm.app.fetch, port: config.port, hostname: config.host }, (info) => {
  logger.info('listening', { url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${info.port}`, database: config.databasePath })
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
