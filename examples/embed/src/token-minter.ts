export type MintedToken = { token: string; expiresAt: string }

/**
 * Mints a widget token with the app's secret key, which never leaves this backend.
 *
 * @example
 * const mint = tokenMinter({ crmHost: 'http://127.0.0.1:3000', secretKey: process.env.CRM_SECRET_KEY! })
 * const { token } = await mint()
 */
export function tokenMinter(options: { crmHost: string; secretKey: string; ttlSeconds?: number }): () => Promise<MintedToken> {
  return async () => {
    const res = await fetch(new URL('/v1/embed-tokens', options.crmHost), {
      method: 'POST',
      headers: { authorization: `Bearer ${options.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ttlSeconds: options.ttlSeconds ?? 600 }),
    })
    if (res.status !== 201) throw new Error(`The CRM refused to mint a token: ${res.status} ${await res.text()}`)
    return (await res.json()) as MintedToken
  }
}
