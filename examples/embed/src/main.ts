import { createEmbedServer } from './embed-server'

const crmHost = process.env.CRM_HOST ?? 'http://127.0.0.1:3000'
const secretKey = process.env.CRM_SECRET_KEY
if (!secretKey?.startsWith('crm_sk_')) {
  console.error('Set CRM_SECRET_KEY to a secret key of your app (crm_sk_…).')
  process.exit(1)
}
const port = Number(process.env.PORT ?? 4000)
createEmbedServer({ crmHost, secretKey }).listen(port, '127.0.0.1', () => {
  console.error(`Dashboard with the CRM widget on http://127.0.0.1:${port} (CRM at ${crmHost})`)
})
