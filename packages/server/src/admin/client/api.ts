/** An answer that was not 2xx, with the contract's error code. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message)
  }
}

export type KeyView = { id: string; type: 'publishable' | 'secret'; name: string | null; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }
export type AppView = { id: string; name: string; currency: string; timezone: string; language: string; createdAt: string; lastEventAt: string | null; keys: KeyView[] }
export type User = { id: string; name: string; email: string }
export type NewKeys = { publishable: string; secret: string }

/**
 * A same-origin JSON request; the session cookie travels with it. Throws `ApiFailure` for an error answer.
 *
 * @example
 * const { user } = await request<{ user: User }>('GET', '/api/auth/me')
 */
export async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const init: RequestInit = { method, headers: { ...headers }, credentials: 'same-origin' }
  if (body !== undefined) {
    init.body = JSON.stringify(body)
    ;(init.headers as Record<string, string>)['content-type'] = 'application/json'
  }
  const res = await fetch(path, init)
  const text = await res.text()
  const parsed: unknown = text ? safeJson(text) : null
  if (!res.ok) {
    const error = (parsed as { error?: { code?: string; message?: string; issues?: { path: string; message: string }[] } } | null)?.error
    throw new ApiFailure(res.status, error?.code ?? 'http_error', error?.message ?? `HTTP ${res.status}`, error?.issues)
  }
  return parsed as T
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** The account side of the API (`/api/*`, session cookie). */
export const account = {
  me: () => request<{ user: User }>('GET', '/api/auth/me'),
  signup: (input: { name: string; email: string; password: string }) =>
    request<{ user: User; app: AppView; apiKeys: NewKeys }>('POST', '/api/auth/signup', input),
  login: (input: { email: string; password: string }) => request<{ user: User }>('POST', '/api/auth/login', input),
  logout: () => request<null>('POST', '/api/auth/logout'),
  apps: () => request<{ data: AppView[] }>('GET', '/api/apps'),
  createApp: (input: { name: string; currency: string; timezone: string }) =>
    request<{ app: AppView; apiKeys: NewKeys }>('POST', '/api/apps', input),
  createKey: (appId: string, input: { type: 'publishable' | 'secret'; name?: string }) =>
    request<KeyView & { key: string }>('POST', `/api/apps/${encodeURIComponent(appId)}/keys`, input),
  revokeKey: (appId: string, keyId: string) =>
    request<null>('DELETE', `/api/apps/${encodeURIComponent(appId)}/keys/${encodeURIComponent(keyId)}`),
  accessToken: (appId: string) =>
    request<{ token: string; expiresAt: string }>('POST', `/api/apps/${encodeURIComponent(appId)}/access-token`),
}

/** Fired on `window` when a request finds the login session gone. */
export const SIGNED_OUT = 'crm-signed-out'

/** The public API (`/v1/*`) as the owner of one app, through the session's short-lived access token. */
export type PublicApi = {
  get<T>(path: string, query?: Record<string, string | number | undefined>): Promise<T>
  post<T>(path: string, body: unknown): Promise<T>
}

/**
 * A client of the public API for one app. It asks for an access token tied to the login session, renews it before
 * it runs out, and retries once with a new one after a `401`.
 *
 * @example
 * const api = publicApi(app.id)
 * const page = await api.get('/v1/customers', { sort: '-revenue' })
 */
export function publicApi(appId: string): PublicApi {
  let current: { token: string; expiresAt: number } | undefined
  const token = async (renew: boolean) => {
    if (renew || !current || current.expiresAt - Date.now() < 60_000) {
      const issued = await account.accessToken(appId).catch((error: unknown) => {
        // The session is gone (logged out elsewhere, expired): the page goes back to the log-in form.
        if (error instanceof ApiFailure && error.status === 401) window.dispatchEvent(new Event(SIGNED_OUT))
        throw error
      })
      current = { token: issued.token, expiresAt: Date.parse(issued.expiresAt) }
    }
    return current.token
  }
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    try {
      return await request<T>(method, path, body, { authorization: `Bearer ${await token(false)}` })
    } catch (error) {
      if (!(error instanceof ApiFailure) || error.status !== 401) throw error
      return request<T>(method, path, body, { authorization: `Bearer ${await token(true)}` })
    }
  }
  return {
    get: (path, query = {}) => {
      const params = new URLSearchParams()
      for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value))
      const search = params.toString()
      return call('GET', search ? `${path}?${search}` : path)
    },
    post: (path, body) => call('POST', path, body),
  }
}
