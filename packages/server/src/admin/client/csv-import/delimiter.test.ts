import { describe, expect, it } from 'vitest'
import { sniffDelimiter } from './delimiter'

describe('sniffDelimiter', () => {
  it('finds commas, semicolons and tabs', () => {
    expect(sniffDelimiter('orderId,userId,amount\no1,u1,12.50\n').delimiter).toBe(',')
    expect(sniffDelimiter('orderId;userId;amount\no1;u1;12,50\no2;u2;1 200,50\n').delimiter).toBe(';')
    expect(sniffDelimiter('InvoiceNo\tStockCode\tQuantity\n536365\t85123A\t6\n').delimiter).toBe('\t')
  })

  it('is not misled by decimal commas, or by delimiters inside quotes', () => {
    expect(sniffDelimiter('Заказ;Сумма\n1;12,5\n2;3,75\n3;"4,5"\n').delimiter).toBe(';')
    expect(sniffDelimiter('a,b\n"x;y;z",1\n"p;q",2\n').delimiter).toBe(',')
    expect(sniffDelimiter('name;note\n"Ada, Countess";"a, b, c"\n').delimiter).toBe(';')
  })

  it('prefers the delimiter whose rows agree with the header', () => {
    // Two columns by comma in the header, but the rows disagree; three by semicolon in every row.
    expect(sniffDelimiter('a;b,c;d\n1;2;3\n4;5;6\n').delimiter).toBe(';')
  })

  it('obeys Excel’s sep= line and drops it', () => {
    expect(sniffDelimiter('sep=;\r\na,b;c\n1,5;2\n')).toEqual({ delimiter: ';', text: 'a,b;c\n1,5;2\n' })
  })

  it('calls a one-column file comma-separated', () => {
    expect(sniffDelimiter('userId\nu1\nu2\n').delimiter).toBe(',')
    expect(sniffDelimiter('').delimiter).toBe(',')
  })
})
