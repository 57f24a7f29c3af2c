const N = 200_000
const ps = Array.from({ length: N }, (_, i) => ({ orderId: `order-${i}`, userId: `user-${i % 1000}`, amount: 42.5, currency: 'USD', product: 'Ceramic teapot', properties: { channel: 'web' } }))
function time(name: string, fn: (p: any, i: number) => unknown) {
  let best = Infinity
  for (let r = 0; r < 5; r++) { const t = process.hrtime.bigint(); for (let i = 0; i < N; i++) fn(ps[i], i); const ns = Number(process.hrtime.bigint() - t) / N; best = Math.min(best, ns) }
  console.log(name, best.toFixed(0), 'ns')
}
const iso = new Date().toISOString()
const id = '3b241101-e2bb-4255-8caf-4136c566a962'
time('stringify input only', (p) => JSON.stringify(p))
time('spread+stringify', (p) => JSON.stringify({ type: 'purchase', ...p, messageId: id, currency: p.currency, timestamp: iso }))
time('explicit+stringify', (p) => JSON.stringify({ type: 'purchase', messageId: id, orderId: p.orderId, userId: p.userId, amount: p.amount, currency: p.currency, timestamp: iso, product: p.product, items: p.items, properties: p.properties }))
const s = JSON.stringify(ps[5])
time('regex ascii', () => /^[\x00-\x7f]*$/.test(s))
time('regex non-ascii search', () => /[^\x00-\x7f]/.test(s))
time('uuid', () => crypto.randomUUID())
let c = 0; const prefix = 'abcdef0123456789'
time('counter id', () => prefix + (c++).toString(36))
time('Date.now', () => Date.now())
