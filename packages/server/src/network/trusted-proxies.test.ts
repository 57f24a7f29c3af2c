import { describe, expect, it } from 'vitest'
import { forwardedClient, parseTrustedProxies, peerIsTrusted } from './trusted-proxies'

describe('parseTrustedProxies', () => {
  it('reads off, on, a hop count and a list', () => {
    expect(parseTrustedProxies('off')).toEqual({ kind: 'none' })
    expect(parseTrustedProxies('0')).toEqual({ kind: 'none' })
    expect(parseTrustedProxies('on')).toEqual({ kind: 'hops', hops: 1 })
    expect(parseTrustedProxies('3')).toEqual({ kind: 'hops', hops: 3 })
    expect(parseTrustedProxies('loopback, 10.0.0.0/8, 2001:db8::1').kind).toBe('addresses')
  })

  it('refuses what is not an address, a range or a known name', () => {
    expect(() => parseTrustedProxies('proxy.example.com')).toThrow(/not an IP address/)
    expect(() => parseTrustedProxies('10.0.0.0/40')).toThrow(/prefix/)
  })
})

describe('forwardedClient', () => {
  const spoofed = '6.6.6.6, 203.0.113.7'

  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(forwardedClient('198.51.100.1', spoofed, parseTrustedProxies('off'))).toBe('198.51.100.1')
  })

  it('takes the entry the trusted hops wrote, from the right, never what the client wrote on the left', () => {
    expect(forwardedClient('10.0.0.2', spoofed, parseTrustedProxies('1'))).toBe('203.0.113.7')
    expect(forwardedClient('10.0.0.2', `1.1.1.1, ${spoofed}`, parseTrustedProxies('1'))).toBe('203.0.113.7')
    expect(forwardedClient('10.0.0.2', spoofed, parseTrustedProxies('2'))).toBe('6.6.6.6')
    // Fewer entries than hops: the leftmost is the client.
    expect(forwardedClient('10.0.0.2', '203.0.113.7', parseTrustedProxies('5'))).toBe('203.0.113.7')
  })

  it('walks trusted addresses leftwards and stops at the first untrusted one', () => {
    const trust = parseTrustedProxies('loopback, 10.0.0.0/8')
    expect(forwardedClient('::ffff:127.0.0.1', '6.6.6.6, 203.0.113.7, 10.1.2.3', trust)).toBe('203.0.113.7')
    // A peer that is not a trusted proxy is the client, whatever it forwards.
    expect(forwardedClient('198.51.100.1', spoofed, trust)).toBe('198.51.100.1')
    expect(peerIsTrusted('127.0.0.1', trust)).toBe(true)
    expect(peerIsTrusted('198.51.100.1', trust)).toBe(false)
  })
})
