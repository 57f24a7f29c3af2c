export { AuthService, SESSION_IDLE_MS, type SignupInput, type SignedIn } from './auth-service'
export { registerAuthRoutes } from './auth-routes'
export { loadSession, requireUser, sameOriginOnly, setSessionCookie, clearSessionCookie, SESSION_COOKIE } from './session-cookie'
export { hashPassword, verifyPassword } from './password'
