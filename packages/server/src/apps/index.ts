export { AppsService, type AppView, type KeyView, type NewKeys } from './apps-service'
export { registerAppsRoutes } from './apps-routes'
export { authenticateKey, requireKeyType, callerOf, requireCaller, type TokenVerifier } from './key-auth'
export { generateApiKey, hashApiKey, keyTypeOf } from './api-key'
