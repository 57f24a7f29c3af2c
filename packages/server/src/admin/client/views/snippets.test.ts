import { describe, expect, it } from 'vitest'
import { browserSnippet, curlSnippet, SDK_GLOBAL, sdkSnippet } from './snippets'

const host = 'https://crm.example'

describe('the admin page\'s snippets', () => {
  it('Node: installs the SDK from this server, then a module script that waits for delivery', () => {
    const snippet = sdkSnippet('crm_pk_abc', host)
    const [install, ...rest] = snippet.split('\n')
    expect(install).toBe('npm install https://crm.example/sdk/crm-sdk.tgz')
    expect(rest.join('\n')).toContain("createClient({ apiKey: 'crm_pk_abc', host: 'https://crm.example' })")
    expect(snippet).toContain('track.mjs')
    expect(snippet.endsWith('await crm.flush()')).toBe(true)
    expect(snippet).not.toContain('npm install crm-sdk')
  })

  it('web page: the script from this server, then the same events through its global', () => {
    const snippet = browserSnippet('crm_pk_abc', host)
    expect(snippet.split('\n')[0]).toBe('<script src="https://crm.example/sdk.js"></script>')
    expect(snippet).toContain(`${SDK_GLOBAL}.createClient({ apiKey: 'crm_pk_abc', host: 'https://crm.example' })`)
    expect(snippet).toContain('crm.trackPurchase(')
    expect(snippet.trimEnd().endsWith('</script>')).toBe(true)
  })

  it('curl: one user to /v1/users', () => {
    expect(curlSnippet('crm_pk_abc', host)).toContain("curl -X POST https://crm.example/v1/users \\\n  -H 'Authorization: Bearer crm_pk_abc'")
  })
})
