/** A field of the batch events that a CSV column can fill. */
export type Field =
  | 'type'
  | 'userId'
  | 'name'
  | 'email'
  | 'phone'
  | 'createdAt'
  | 'orderId'
  | 'refundId'
  | 'amount'
  | 'currency'
  | 'timestamp'
  | 'product'
  | 'productId'
  | 'category'
  | 'quantity'
  | 'price'
  | 'event'
  | 'reason'
  | 'messageId'

/** How a header row maps onto fields. */
export type HeaderMap = {
  /** Each column's header as written (trimmed). */
  names: string[]
  /** The field each column fills; undefined for a column no field matched (a user's trait, an event's property). */
  fields: (Field | undefined)[]
  /** The column of each field found. */
  columns: Partial<Record<Field, number>>
}

// Headers as exports name them, written the way `normalise` leaves them: Shopify, Stripe, the UCI Online Retail
// files, and Russian spreadsheets (1C and hand-made ones).
const ALIASES: Record<Field, readonly string[]> = {
  type: ['type', 'eventtype', 'rowtype', 'kind', 'тип'],
  userId: ['userid', 'user', 'customerid', 'customer', 'customerno', 'customernumber', 'clientid', 'client', 'buyerid', 'пользователь', 'idпользователя', 'клиент', 'idклиента', 'кодклиента', 'покупатель'],
  name: ['name', 'fullname', 'customername', 'username', 'имя', 'фио', 'имяклиента'],
  email: ['email', 'emailaddress', 'mail', 'почта', 'элпочта', 'электроннаяпочта'],
  phone: ['phone', 'phonenumber', 'telephone', 'mobile', 'tel', 'телефон'],
  createdAt: ['createdat', 'created', 'signupdate', 'signedupat', 'registeredat', 'registrationdate', 'датарегистрации'],
  orderId: ['orderid', 'order', 'ordernumber', 'orderno', 'invoice', 'invoiceno', 'invoicenumber', 'invoiceid', 'заказ', 'номерзаказа', 'idзаказа', 'счет', 'номерсчета', 'чек', 'номерчека'],
  refundId: ['refundid', 'refund', 'refundnumber', 'refundno', 'returnid', 'creditnote', 'creditnoteid', 'creditnoteno', 'возврат', 'номервозврата', 'idвозврата'],
  amount: ['amount', 'total', 'ordertotal', 'totalamount', 'sum', 'refundamount', 'amountrefunded', 'сумма', 'итого', 'суммазаказа', 'суммавозврата'],
  currency: ['currency', 'currencycode', 'curr', 'валюта'],
  timestamp: ['timestamp', 'date', 'datetime', 'time', 'invoicedate', 'orderdate', 'refunddate', 'eventdate', 'eventtime', 'occurredat', 'дата', 'датаивремя', 'время', 'датазаказа', 'датавозврата', 'датасобытия'],
  product: ['product', 'productname', 'description', 'item', 'itemname', 'товар', 'наименование', 'продукт', 'названиетовара', 'описание'],
  productId: ['productid', 'stockcode', 'sku', 'itemid', 'productcode', 'itemcode', 'article', 'артикул', 'кодтовара'],
  category: ['category', 'productcategory', 'категория'],
  quantity: ['quantity', 'qty', 'units', 'количество', 'колво', 'кол'],
  price: ['price', 'unitprice', 'itemprice', 'priceeach', 'цена', 'ценазаединицу'],
  event: ['event', 'eventname', 'action', 'activity', 'событие', 'действие'],
  reason: ['reason', 'refundreason', 'returnreason', 'причина', 'причинавозврата'],
  messageId: ['messageid'],
}

const FIELD_BY_ALIAS = new Map(Object.entries(ALIASES).flatMap(([field, aliases]) => aliases.map((alias) => [alias, field as Field] as const)))

/** `Customer ID`, `customer_id` and `CustomerID` are one header; `Кол-во` and `кол-во` too. */
function normalise(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/ё/g, 'е').replace(/[\s_\-.#/()№:]+/g, '')
}

/**
 * Matches a header row to fields, in any column order, case-insensitively and ignoring spaces, `_`, `-` and dots,
 * with the names real exports use (`InvoiceNo` → orderId, `Customer ID` → userId, `UnitPrice` → price, `StockCode`
 * → productId, `Description` → product, `InvoiceDate` → timestamp, `Сумма` → amount). A second column of a field
 * already matched stays unmatched.
 *
 * @example
 * mapHeader(['InvoiceNo', 'Customer ID', 'Country']).fields // ['orderId', 'userId', undefined]
 */
export function mapHeader(header: readonly string[]): HeaderMap {
  const names = header.map((name) => name.trim())
  const columns: Partial<Record<Field, number>> = {}
  const fields = names.map((name, column) => {
    const field = FIELD_BY_ALIAS.get(normalise(name))
    if (field === undefined || columns[field] !== undefined) return undefined
    columns[field] = column
    return field
  })
  return { names, fields, columns }
}

const BREAKS = /[\r\n\t]/

/**
 * A row's cell of `field`, trimmed; empty when the file has no such column or the row is short. Line breaks and tabs
 * inside a quoted cell become one space: every field is plain text to the server, which refuses control characters.
 *
 * @example
 * cellOf(mapHeader(['Invoice', 'Description']), ['536365', ' TEA\nSET '], 'product') // 'TEA SET'
 */
export function cellOf(header: HeaderMap, cells: readonly string[], field: Field): string {
  const column = header.columns[field]
  if (column === undefined) return ''
  const cell = cells[column]?.trim() ?? ''
  return BREAKS.test(cell) ? cell.replace(/[\r\n\t]+/g, ' ') : cell
}

/**
 * The non-empty cells of the columns a kind of event does not read (`used`), by header as written: a user's traits,
 * an event's properties. Nothing in the file is lost for want of a field.
 *
 * @example
 * otherCells(mapHeader(['userId', 'plan', 'amount']), ['u1', 'pro', '12'], ['userId']) // { plan: 'pro', amount: '12' }
 */
export function otherCells(header: HeaderMap, cells: readonly string[], used: readonly Field[]): Record<string, string> {
  const other: Record<string, string> = {}
  header.fields.forEach((field, column) => {
    const name = header.names[column]!
    const value = cells[column]?.trim() ?? ''
    if ((field === undefined || !used.includes(field)) && name !== '' && value !== '') other[name] = value
  })
  return other
}
