import { account, type AppView, type NewKeys, type User } from '../api'
import { field, h, replace } from '../dom'
import { t } from '../i18n'
import { failureMessage } from './async-section'

export type SignedIn = { user: User; firstApp?: { app: AppView; apiKeys: NewKeys } }

/**
 * Sign-up and log-in forms (sign-up first; a link switches). Calls `done` once signed in.
 *
 * @example
 * root.append(authView('signup', (signedIn) => start(signedIn)))
 */
export function authView(mode: 'signup' | 'login', done: (signedIn: SignedIn) => void, languageSwitch: Node): HTMLElement {
  const name = h('input', { name: 'name', autocomplete: 'name', required: true, maxlength: '100' })
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', required: true })
  const password = h('input', {
    type: 'password',
    name: 'password',
    required: true,
    minlength: mode === 'signup' ? '8' : undefined,
    autocomplete: mode === 'signup' ? 'new-password' : 'current-password',
  })
  const problem = h('div', {})
  const submit = h('button', { type: 'submit' }, mode === 'signup' ? t('signUp') : t('logIn'))
  const form = h(
    'form',
    { class: 'stack', 'aria-labelledby': 'auth-title' },
    mode === 'signup' ? field(t('name'), name) : null,
    field(t('email'), email),
    field(t('password'), password, mode === 'signup' ? t('passwordHint') : undefined),
    submit,
    problem,
  )
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    submit.disabled = true
    replace(problem)
    try {
      if (mode === 'signup') {
        const result = await account.signup({ name: name.value.trim(), email: email.value.trim(), password: password.value })
        done({ user: result.user, firstApp: { app: result.app, apiKeys: result.apiKeys } })
      } else {
        done(await account.login({ email: email.value.trim(), password: password.value }))
      }
    } catch (error) {
      replace(problem, failureMessage(error))
      submit.disabled = false
    }
  })
  const other = mode === 'signup' ? 'login' : 'signup'
  const switchLink = h('button', { type: 'button', class: 'link' }, mode === 'signup' ? t('haveAccount') : t('newAccount'))
  switchLink.addEventListener('click', () => {
    const next = authView(other, done, languageSwitch)
    document.getElementById('root')?.replaceChildren(next)
    next.querySelector('input')?.focus()
  })
  return h(
    'main',
    { class: 'auth' },
    h('div', { class: 'auth-top' }, h('strong', { class: 'brand' }, t('appTitle')), languageSwitch),
    h('div', { class: 'card' }, h('h1', { id: 'auth-title' }, mode === 'signup' ? t('signUp') : t('logIn')), form, switchLink),
  )
}
