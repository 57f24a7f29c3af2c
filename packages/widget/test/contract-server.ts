import { readFile } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { emptyResponses, forecast, insights, recommendations, salesReport } from './contract-fixtures'
import { listen, type RunningServer } from './http-server'

/** Tokens the stand-in API knows; any other token is answered like an expired one (401). */
export const tokens = { valid: 'valid-token', empty: 'empty-token', failing: 'failing-token', expired: 'expired-token' } as const

export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
  authorization: string | undefined
  origin: string | undefined
}

export interface ContractServer extends RunningServer {
  requests: RecordedRequest[]
}

const distDir = new URL('../dist/', import.meta.url)

/**
 * A stand-in for the CRM server until it exists: serves dist/widget.js and dist/charts.js and answers
 * the report and insight endpoints with contract-shaped JSON, with CORS as the real API does for
 * token-authorised reads (any origin, no credentials, Authorization allowed).
 */
export async function startContractServer(): Promise<ContractServer> {
  const requests: RecordedRequest[] = []
  const server = await listen(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    requests.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization: request.headers.authorization,
      origin: request.headers.origin,
    })
    response.setHeader('Access-Control-Allow-Origin', '*')
    response.setHeader('Vary', 'Origin')
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600',
      })
      return response.end()
    }
    if (url.pathname === '/widget.js' || url.pathname === '/charts.js') {
      response.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cross-Origin-Resource-Policy': 'cross-origin',
      })
      return response.end(await readFile(new URL(url.pathname.slice(1), distDir)))
    }
    if (url.pathname === '/blank') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      return response.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>charts</title></head><body></body></html>')
    }
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
    const body = answer(url.pathname, token)
    if (body === undefined) return sendJson(response, 404, { error: { code: 'not_found', message: 'Not found' } })
    if (token === tokens.failing) return sendJson(response, 500, { error: { code: 'internal', message: 'Database is locked' } })
    if (token !== tokens.valid && token !== tokens.empty) {
      return sendJson(response, 401, { error: { code: 'unauthorized', message: 'The embed token has expired' } })
    }
    return sendJson(response, 200, body)
  })
  return { ...server, requests }
}

function answer(path: string, token: string | undefined): unknown {
  const empty = token === tokens.empty
  switch (path) {
    case '/v1/insights':
      return empty ? emptyResponses.insights : insights
    case '/v1/reports/sales':
      return empty ? emptyResponses.salesReport : salesReport
    case '/v1/insights/forecast':
      return empty ? emptyResponses.forecast : forecast
    case '/v1/insights/recommendations':
      return empty ? emptyResponses.recommendations : { data: recommendations }
    default:
      return undefined
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify(body))
}
