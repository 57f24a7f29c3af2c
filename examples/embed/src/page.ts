/** The page's script, served as a file so the page's Content-Security-Policy needs no inline script. */
export const PAGE_SCRIPT = `
async function freshToken() {
  const res = await fetch('/crm-token')
  if (!res.ok) throw new Error('token ' + res.status)
  return (await res.json()).token
}
// An expired token: fetch a new one from our backend and hand it to the widget.
document.addEventListener('crm-token-expired', async (event) => {
  event.target.setAttribute('token', await freshToken())
})
freshToken().then((token) => {
  for (const widget of document.querySelectorAll('crm-insights')) widget.setAttribute('token', token)
})
`

/**
 * The shop's dashboard page: the widget's script from the CRM's origin, four views, and a policy that allows only
 * this origin's script and the CRM.
 *
 * @example
 * pageHtml('http://127.0.0.1:3000')
 */
export function pageHtml(crmHost: string): string {
  const crm = new URL(crmHost).origin
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tea shop · dashboard</title>
<link rel="stylesheet" href="/page.css">
<script src="/page.js" defer></script>
<script src="${crm}/widget.js" async></script>
</head>
<body>
<h1>Tea shop dashboard</h1>
<main class="widgets">
  <crm-insights view="summary"></crm-insights>
  <crm-insights view="revenue"></crm-insights>
  <crm-insights view="forecast"></crm-insights>
  <crm-insights view="recommendations"></crm-insights>
</main>
</body>
</html>
`
}

export const PAGE_CSS = `
body { font-family: Georgia, serif; margin: 0 auto; max-width: 1100px; padding: 1rem; background: #faf7f2; }
.widgets { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1rem; }
crm-insights { --crm-accent: #15803d; --crm-radius: 4px; }
`

/**
 * The page's Content-Security-Policy: its own files, and the CRM for the widget's script and its API calls.
 *
 * @example
 * pagePolicy('http://127.0.0.1:3000')
 */
export function pagePolicy(crmHost: string): string {
  const crm = new URL(crmHost).origin
  return `default-src 'none'; script-src 'self' ${crm}; style-src 'self'; connect-src 'self' ${crm}; img-src 'self' data:`
}
