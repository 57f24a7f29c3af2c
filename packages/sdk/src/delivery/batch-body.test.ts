import { expect, test } from 'vitest'
import { batchBody } from './batch-body'

const event = (id: string) => {
  const body = JSON.stringify({ type: 'user', messageId: id, userId: `u-${id}`, name: 'Zoë' })
  return { id, body, bytes: new TextEncoder().encode(body).length }
}

test('joins stored event JSON into a contract batch with sentAt', () => {
  const parsed = JSON.parse(batchBody([event('a'), event('b')])) as { batch: { messageId: string }[]; sentAt: string }
  expect(parsed.batch.map((item) => item.messageId)).toEqual(['a', 'b'])
  expect(Number.isNaN(Date.parse(parsed.sentAt))).toBe(false)
})

test('carries a key in the body for beacons, escaped as JSON', () => {
  expect(JSON.parse(batchBody([event('a')], 'crm_pk_"x"'))).toMatchObject({ key: 'crm_pk_"x"' })
  expect(JSON.parse(batchBody([]))).not.toHaveProperty('key')
})
