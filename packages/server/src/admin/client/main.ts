import './admin.css'
import { account, ApiFailure, SIGNED_OUT } from './api'
import { field, h, replace } from './dom'
import { lang, setLang, t, type Lang } from './i18n'
import { authView, type SignedIn } from './views/auth-view'
import { createShell, rememberedApp } from './views/shell'

const root = document.getElementById('root')!
let destroyShell: (() => void) | undefined
let rerender: () => void = () => undefined

/** Language switch: re-renders whatever is on screen in the new language. */
function languageSwitch(): Node {
  const select = h('select', { name: 'lang' }, h('option', { value: 'en', selected: lang() === 'en' }, 'English'), h('option', { value: 'ru', selected: lang() === 'ru' }, 'Русский'))
  select.addEventListener('change', () => {
    setLang(select.value as Lang)
    rerender()
  })
  return field(t('language'), select)
}

function showAuth(mode: 'signup' | 'login'): void {
  destroyShell?.()
  destroyShell = undefined
  rerender = () => showAuth(mode)
  replace(root, authView(mode, (signedIn) => void start(signedIn), languageSwitch()))
  root.querySelector('input')?.focus()
}

async function start(signedIn: SignedIn): Promise<void> {
  const apps = (await account.apps()).data
  const state = {
    user: signedIn.user,
    apps,
    appId: signedIn.firstApp?.app.id ?? rememberedApp(apps),
    revealedKeys: signedIn.firstApp ? [signedIn.firstApp.apiKeys.publishable, signedIn.firstApp.apiKeys.secret] : [],
  }
  if (signedIn.firstApp) location.hash = '#/keys'
  const shell = createShell(root, state, { onLogout: () => showAuth('login'), languageSwitch })
  destroyShell = shell.destroy
  rerender = shell.render
  shell.render()
}

async function boot(): Promise<void> {
  setLang(lang())
  try {
    await start(await account.me())
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) showAuth(localStorage.getItem('crm-admin-app') ? 'login' : 'signup')
    else replace(root, h('p', { role: 'alert' }, t('error', { message: error instanceof Error ? error.message : String(error) })))
  }
}

window.addEventListener(SIGNED_OUT, () => showAuth('login'))
void boot()
