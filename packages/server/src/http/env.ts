import type { AppRow, KeyType } from '../store'

export type SessionUser = { id: string; name: string; email: string; createdAt: number }

/** Who is calling with an API key (or, for reads, an embed token): the app and the key's scope. */
export type KeyCaller = { app: AppRow; keyType: KeyType | 'embed'; keyId: string }

/** Hono's environment of every route: per-request variables set by the middleware. */
export type AppEnv = {
  Variables: {
    requestId: string
    /** The client's IP (see `clientIp`). */
    clientIp: string
    /** The origin the client reached the server at (see `publicOrigin`). */
    origin: string
    user?: SessionUser
    sessionId?: string
    caller?: KeyCaller
  }
}
