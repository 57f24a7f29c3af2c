import { BlockList, isIP } from 'node:net'

/**
 * Which hops in front of the server are proxies it may believe, as Express's `trust proxy` says it: none, the
 * nearest `hops`, or those whose address is in a list. `X-Forwarded-For` is read from the right: every entry to the
 * left of the first untrusted hop was written by someone the server cannot believe, the client included.
 */
export type TrustedProxies =
  | { readonly kind: 'none' }
  | { readonly kind: 'hops'; readonly hops: number }
  | { readonly kind: 'addresses'; readonly list: BlockList; readonly text: string }

/** Named ranges, as Express names them. */
const NAMED_RANGES: Record<string, readonly string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
}

/**
 * Reads `CRM_TRUST_PROXY`: `off` (or `false`, `0`), a hop count (`on` and `true` mean 1), or a comma-separated
 * list of proxy addresses, CIDR ranges and the names `loopback`, `linklocal`, `uniquelocal`. Throws on anything else.
 *
 * @example
 * parseTrustedProxies('2') // { kind: 'hops', hops: 2 }
 * parseTrustedProxies('loopback, 10.0.0.0/8').kind // 'addresses'
 */
export function parseTrustedProxies(text: string): TrustedProxies {
  const value = text.trim().toLowerCase()
  if (value === '' || value === 'off' || value === 'false') return { kind: 'none' }
  if (value === 'on' || value === 'true') return { kind: 'hops', hops: 1 }
  if (/^\d+$/.test(value)) {
    const hops = Number(value)
    return hops === 0 ? { kind: 'none' } : { kind: 'hops', hops }
  }
  const list = new BlockList()
  for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
    for (const range of NAMED_RANGES[entry] ?? [entry]) addRange(list, range)
  }
  return { kind: 'addresses', list, text: value }
}

/**
 * The client's address: walks from the socket's peer leftwards through `X-Forwarded-For` while each hop is a
 * trusted proxy, and answers the first hop that is not (or the leftmost, when all are).
 *
 * @example
 * const trust = parseTrustedProxies('1')
 * forwardedClient('10.0.0.2', '6.6.6.6, 203.0.113.7', trust) // '203.0.113.7' (the proxy's own view)
 */
export function forwardedClient(socketAddress: string, forwardedFor: string | undefined, trust: TrustedProxies): string {
  const peer = normalizeAddress(socketAddress)
  if (trust.kind === 'none' || !forwardedFor) return peer
  const hops = forwardedFor.split(',').map((entry) => normalizeAddress(entry.trim())).filter(Boolean).reverse()
  const chain = [peer, ...hops]
  for (let index = 0; index < chain.length - 1; index++) {
    if (!isTrustedHop(trust, chain[index]!, index)) return chain[index]!
  }
  return chain[chain.length - 1]!
}

/**
 * Whether the socket's peer is a proxy the server may believe (its `X-Forwarded-Proto` and `-Host` then count).
 *
 * @example
 * peerIsTrusted('127.0.0.1', parseTrustedProxies('loopback')) // true
 */
export function peerIsTrusted(socketAddress: string, trust: TrustedProxies): boolean {
  return isTrustedHop(trust, normalizeAddress(socketAddress), 0)
}

function isTrustedHop(trust: TrustedProxies, address: string, index: number): boolean {
  if (trust.kind === 'none') return false
  if (trust.kind === 'hops') return index < trust.hops
  const family = isIP(address)
  return family !== 0 && trust.list.check(address, family === 4 ? 'ipv4' : 'ipv6')
}

/** An IPv4 address the dual-stack socket reports as `::ffff:a.b.c.d` is that IPv4 address. */
function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  return mapped ? mapped[1]! : address
}

function addRange(list: BlockList, range: string): void {
  const [address = '', prefixText] = range.split('/')
  const family = isIP(address)
  if (family === 0) throw new Error(`"${range}" is not an IP address, a CIDR range, or loopback, linklocal or uniquelocal`)
  const type = family === 4 ? 'ipv4' : 'ipv6'
  if (prefixText === undefined) return list.addAddress(address, type)
  const prefix = Number(prefixText)
  if (!/^\d+$/.test(prefixText) || prefix > (family === 4 ? 32 : 128)) throw new Error(`"${range}" has a bad prefix length`)
  list.addSubnet(address, prefix, type)
}
