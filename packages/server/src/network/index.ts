export { forwardedClient, parseTrustedProxies, peerIsTrusted, type TrustedProxies } from './trusted-proxies'
