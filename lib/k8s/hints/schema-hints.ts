/** Learner hints for decode-time problems: unknown fields, wrong types, malformed quantities. */
import { parentField } from '../field-path.ts'
import type { FieldSuggestion } from '../field-suggestions.ts'
import { withParticle as p } from '../../text/korean-particles.ts'
import type { Localized } from '../types.ts'

export type ExpectedType = 'string' | 'integer' | 'boolean' | 'object' | 'array' | 'map' | 'int-or-string' | 'quantity'

const TYPE_TEXT: Record<ExpectedType, Localized> = {
  string: { ko: '문자열', en: 'a string' },
  integer: { ko: '정수', en: 'a whole number' },
  boolean: { ko: 'true 또는 false', en: 'true or false' },
  object: { ko: '하위 필드를 가진 맵', en: 'a map of fields' },
  array: { ko: '"- "로 시작하는 목록', en: 'a list (items starting with "- ")' },
  map: { ko: '키: 값 맵', en: 'a map of key: value pairs' },
  'int-or-string': { ko: '정수 또는 문자열', en: 'a whole number or a string' },
  quantity: { ko: '500m, 1, 128Mi 같은 수량', en: 'a quantity (e.g. 500m, 1, 128Mi)' },
}

const GOT_TEXT: Record<string, Localized> = {
  string: { ko: '문자열', en: 'a string' },
  number: { ko: '숫자', en: 'a number' },
  bool: { ko: 'true/false 값', en: 'a true/false value' },
  array: { ko: '목록', en: 'a list' },
  object: { ko: '맵', en: 'a map' },
}

export const schemaHints = {
  unknownField: (name: string, here: string, suggestion: FieldSuggestion | null): Localized => {
    const field = `"${name}"`
    const absent: Localized =
      here === ''
        ? { ko: `맨 위 수준에는 ${p(field, '이라는/라는')} 필드가 없습니다.`, en: `There is no top-level field ${field}.` }
        : { ko: `\`${here}\`에는 ${p(field, '이라는/라는')} 필드가 없습니다.`, en: `There is no field ${field} in \`${here}\`.` }
    const rejects = {
      ko: 'Kubernetes는 모르는 필드가 있으면 오브젝트 전체를 거부합니다.',
      en: 'Kubernetes rejects the whole object when it has an unknown field.',
    }
    if (!suggestion) {
      return {
        ko: `${absent.ko} 철자와 들여쓰기를 확인하세요. ${rejects.ko}`,
        en: `${absent.en} Check the spelling and the indentation. ${rejects.en}`,
      }
    }
    switch (suggestion.kind) {
      case 'typo':
        return {
          ko: `${absent.ko} "${suggestion.name}"의 오타입니까? ${rejects.ko}`,
          en: `${absent.en} Did you mean "${suggestion.name}"? ${rejects.en}`,
        }
      case 'indent': {
        const parent = parentField(suggestion.to.toString())
        const target = `\`${suggestion.to.toString()}\``
        return {
          ko: `${absent.ko} \`${parent}\` 아래에 들여 쓰려던 것입니까? \`${parent}\`의 필드들과 같은 칸까지 들여 쓰면 ${p(target, '이/가')} 됩니다.`,
          en: `${absent.en} Did you mean to indent this under \`${parent}\`? Indented like the other fields of \`${parent}\`, it becomes ${target}.`,
        }
      }
      case 'outdent': {
        const parent = parentField(suggestion.to.toString())
        if (parent === '') {
          return {
            ko: `${absent.ko} 너무 깊이 들여 쓴 것입니까? 이 필드는 맨 위 수준에 와야 합니다. apiVersion, kind처럼 줄 맨 앞에서 시작하세요.`,
            en: `${absent.en} Is it indented too deep? It belongs at the top level: start it at the beginning of the line, like apiVersion and kind.`,
          }
        }
        return {
          ko: `${absent.ko} 너무 깊이 들여 쓴 것입니까? 이 필드는 \`${parent}\` 아래에 와야 합니다. \`${parent}\`의 다른 필드들과 같은 칸에 맞추세요.`,
          en: `${absent.en} Is it indented too deep? It belongs under \`${parent}\`: line it up with the other fields of \`${parent}\`.`,
        }
      }
      case 'elsewhere':
        return suggestion.where === ''
          ? {
              ko: `${absent.ko} 이 필드는 맨 위 수준에 와야 합니다. 그곳으로 옮기세요.`,
              en: `${absent.en} It belongs at the top level; move it there.`,
            }
          : {
              ko: `${absent.ko} 이 필드는 \`${suggestion.where}\` 아래에 와야 합니다. 그곳으로 옮기세요.`,
              en: `${absent.en} It belongs under \`${suggestion.where}\`; move it there.`,
            }
    }
  },
  wrongType: (field: string, expected: ExpectedType, got: string, value: unknown): Localized => {
    const e = TYPE_TEXT[expected]
    const g = GOT_TEXT[got.split(' ')[0]] ?? { ko: got, en: got }
    let extra: Localized = { ko: '', en: '' }
    if (expected === 'string' && (got === 'bool' || got.startsWith('number'))) {
      extra = {
        ko: ` YAML은 따옴표 없는 true, yes, on, 1.10 같은 값을 문자열이 아닌 값으로 읽습니다. 따옴표로 감싸세요(예: ${JSON.stringify(String(value))}).`,
        en: ` YAML reads unquoted true, yes, on or 1.10 as non-strings. Put the value in quotes (e.g. ${JSON.stringify(String(value))}).`,
      }
    } else if (expected === 'integer' && got === 'string' && typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) {
      extra = { ko: ` 따옴표를 없애세요(예: ${value.trim()}).`, en: ` Remove the quotes (e.g. ${value.trim()}).` }
    } else if (expected === 'array' && got === 'object') {
      extra = { ko: ' 항목 앞에 "- "를 붙이세요.', en: ' Start each item with "- ".' }
    } else if (expected === 'integer' && got.startsWith('number')) {
      extra = { ko: ' 소수나 너무 큰 수는 쓸 수 없습니다.', en: ' Fractions and numbers this large are not allowed.' }
    }
    return {
      ko: `${field}에는 ${p(e.ko, '이/가')} 와야 하는데 ${p(g.ko, '이/가')} 왔습니다.${extra.ko}`,
      en: `${field} must be ${e.en}, but it is ${g.en}.${extra.en}`,
    }
  },
  badQuantity: (field: string, value: string): Localized => ({
    ko: `${field}의 ${p(`"${value}"`, '은/는')} 올바른 수량이 아닙니다. CPU는 1, 0.5, 500m처럼, 메모리는 128Mi, 1Gi, 500M처럼 씁니다(MB, mi, GB는 쓸 수 없습니다).`,
    en: `"${value}" in ${field} is not a valid quantity. Write CPU as 1, 0.5 or 500m and memory as 128Mi, 1Gi or 500M (MB, mi and GB are not valid).`,
  }),
  enumValue: (field: string, value: string, allowed: readonly string[]): Localized => {
    const close = allowed.find((a) => a.toLowerCase() === value.toLowerCase())
    const fix = close
      ? { ko: ` 대소문자를 맞춰 ${p(`"${close}"`, '으로/로')} 쓰세요.`, en: ` Match the case: "${close}".` }
      : { ko: '', en: '' }
    return {
      ko: `${field}에는 ${allowed.join(', ')} 중 하나만 쓸 수 있습니다.${fix.ko}`,
      en: `${field} accepts only ${allowed.join(', ')}.${fix.en}`,
    }
  },
}
