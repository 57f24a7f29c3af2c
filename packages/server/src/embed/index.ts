export { AppTokens, EMBED_TTL_DEFAULT, EMBED_TTL_MAX, ADMIN_TTL, type IssuedToken } from './app-tokens'
export { registerEmbedRoutes } from './embed-routes'
export { SigningSecretStore } from './signing-secret-store'
export { signToken, readToken, TOKEN_PREFIX, type TokenClaims } from './signed-token'
