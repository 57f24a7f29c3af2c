import { account, type KeyView } from '../api'
import { field, h, table } from '../dom'
import { when } from '../format'
import { t } from '../i18n'
import { failureMessage } from './async-section'
import { copyButton } from './copy-button'
import { browserSnippet, sdkSnippet } from './snippets'
import type { ViewContext } from './view-context'

/**
 * The app's API keys: the list with revoke buttons, a form to create one, and a new key shown once with a copy
 * button and the install snippets (Node and web page) filled in.
 *
 * @example
 * main.append(keysView(context))
 */
export function keysView(context: ViewContext): HTMLElement {
  const { app } = context
  const shown = h('div', {})
  const showKey = (key: string) => {
    const title = t('newKeyTitle', { type: key.startsWith('crm_pk_') ? t('publishable') : t('secret') })
    shown.append(
      h(
        'div',
        { class: 'card reveal', role: 'region', 'aria-label': title },
        h('h2', {}, title),
        h('p', { class: 'key-line' }, h('code', { class: 'key' }, key), copyButton(key)),
        key.startsWith('crm_pk_')
          ? h(
              'div',
              {},
              h('h3', {}, t('installSnippet')),
              h('p', {}, t('snippetNode')),
              h('pre', {}, h('code', {}, sdkSnippet(key, location.origin))),
              h('p', {}, t('snippetBrowser')),
              h('pre', {}, h('code', {}, browserSnippet(key, location.origin))),
            )
          : null,
      ),
    )
  }
  for (const key of context.revealedKeys) showKey(key)

  const typeSelect = h('select', { name: 'type' }, h('option', { value: 'publishable' }, t('publishable')), h('option', { value: 'secret' }, t('secret')))
  const nameInput = h('input', { name: 'name', maxlength: '100', autocomplete: 'off' })
  const formError = h('div', {})
  const form = h(
    'form',
    { class: 'inline-form' },
    field(t('keyType'), typeSelect),
    field(t('keyName'), nameInput),
    h('button', { type: 'submit' }, t('createKey')),
    formError,
  )
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    formError.replaceChildren()
    try {
      const name = nameInput.value.trim()
      const created = await account.createKey(app.id, { type: typeSelect.value as KeyView['type'], ...(name ? { name } : {}) })
      await context.reloadApps(created.key)
    } catch (error) {
      formError.append(failureMessage(error))
    }
  })

  const rows = app.keys.map((key) => [
    key.type === 'secret' ? t('secret') : t('publishable'),
    key.name ?? '',
    h('code', {}, `${key.prefix}…`),
    when(key.createdAt),
    key.lastUsedAt ? when(key.lastUsedAt) : t('never'),
    key.revokedAt ? t('revoked') : t('active'),
    key.revokedAt
      ? ''
      : h(
          'button',
          {
            type: 'button',
            class: 'danger',
            'aria-label': `${t('revoke')} ${key.prefix}`,
            onclick: async () => {
              if (!confirm(t('confirmRevoke'))) return
              try {
                await account.revokeKey(app.id, key.id)
                await context.reloadApps()
              } catch (error) {
                formError.append(failureMessage(error))
              }
            },
          },
          t('revoke'),
        ),
  ])

  return h(
    'div',
    {},
    h('h1', { tabindex: '-1' }, t('keys')),
    shown,
    h('div', { class: 'card' }, h('div', { class: 'scroll' }, table([t('keyType'), t('keyName'), t('keyPrefix'), t('created'), t('lastUsed'), t('status'), ''], rows, t('keys'))), form),
  )
}
