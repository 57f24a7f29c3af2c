import { createServer, type RequestListener } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RunningServer {
  origin: string
  close(): Promise<void>
}

/** Starts a node:http server on a free loopback port. */
export async function listen(handler: RequestListener): Promise<RunningServer> {
  const server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
