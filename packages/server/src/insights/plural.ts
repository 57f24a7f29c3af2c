/** A word's forms by plural category; `other` always (English needs `one` and `other`, Russian `one`, `few`, `many`). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }

const rules = new Map<string, Intl.PluralRules>()

/**
 * The form of a word that goes with a count in a language, by the language's plural rules (`Intl.PluralRules`).
 *
 * @example
 * plural('ru', 21, { one: 'покупатель', few: 'покупателя', many: 'покупателей', other: 'покупателя' }) // 'покупатель'
 */
export function plural(lang: string, count: number, forms: PluralForms): string {
  let rule = rules.get(lang)
  if (!rule) rules.set(lang, (rule = new Intl.PluralRules(lang)))
  return forms[rule.select(count)] ?? forms.other
}
