import { checkCurrency, checkId, checkItems, checkMoney, checkOptionalId, checkTime } from './field-checks'

/**
 * Why `refund` cannot be sent, or undefined when it is a valid `trackRefund()` input: missing ids, an amount that is
 * not a finite number > 0 (the money handling of `trackPurchase()`), an unknown currency, empty items, an unreadable
 * date. Whether the order exists, is this user's and has that much left to refund is the server's to say.
 *
 * @example validateRefund({ refundId: 'r1', userId: 'u1', amount: 0, currency: 'USD' }) // 'amount must be greater than 0'
 */
export function validateRefund(refund: Record<string, unknown>): string | undefined {
  return (
    checkId(refund.refundId, 'refundId') ??
    checkId(refund.userId, 'userId') ??
    checkMoney(refund.amount, 'amount') ??
    // Past checkMoney the amount is a number >= 0 or a decimal string: 0 and "0.00" are the ones left to refuse.
    (+(refund.amount as string) ? undefined : 'amount must be greater than 0') ??
    checkCurrency(refund.currency) ??
    checkOptionalId(refund.orderId, 'orderId') ??
    checkItems(refund.items) ??
    checkTime(refund.timestamp, 'timestamp')
  )
}
