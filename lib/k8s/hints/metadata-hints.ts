/** Learner hints for metadata: names, labels, annotations, label selectors. */
import { withParticle as p } from '../../text/korean-particles.ts'
import type { Localized } from '../types.ts'

export type NameRule = 'subdomain' | 'dns1035' | 'dns1123label'

const RULE_TEXT: Record<NameRule, Localized> = {
  subdomain: {
    ko: '소문자, 숫자, "-", "."만 쓸 수 있고 영숫자로 시작하고 끝나야 하며 253자 이하여야 합니다(예: web, web-v2)',
    en: 'only lower-case letters, digits, "-" and "." are allowed; it must start and end with a letter or digit and be at most 253 characters (e.g. web, web-v2)',
  },
  dns1035: {
    ko: '소문자, 숫자, "-"만 쓸 수 있고 반드시 영문 소문자로 시작해 영숫자로 끝나야 하며 63자 이하여야 합니다. 점(.)은 쓸 수 없습니다(예: web, web-svc)',
    en: 'only lower-case letters, digits and "-" are allowed; it must start with a letter, end with a letter or digit and be at most 63 characters; dots are not allowed (e.g. web, web-svc)',
  },
  dns1123label: {
    ko: '소문자, 숫자, "-"만 쓸 수 있고 영숫자로 시작하고 끝나야 하며 63자 이하여야 합니다(예: web, app-1)',
    en: 'only lower-case letters, digits and "-" are allowed; it must start and end with a letter or digit and be at most 63 characters (e.g. web, app-1)',
  },
}

export const metadataHints = {
  nameRequired: (kind: string): Localized => ({
    ko: `${kind}에는 이름이 필요합니다. metadata 아래에 \`name: web\`처럼 이름을 쓰세요.`,
    en: `A ${kind} needs a name. Add \`name: web\` (for example) under metadata.`,
  }),
  invalidName: (what: Localized, value: string, rule: NameRule): Localized => {
    const lower = value.toLowerCase().replace(/[^a-z0-9.-]/g, '-')
    const suggest = lower !== value && lower.length > 0 ? { ko: ` 예: "${lower}"`, en: ` For example "${lower}".` } : { ko: '', en: '' }
    return {
      ko: `${p(`${what.ko} "${value}"`, '은/는')} 쓸 수 없습니다: ${RULE_TEXT[rule].ko}.${suggest.ko}`,
      en: `${what.en} "${value}" is not allowed: ${RULE_TEXT[rule].en}.${suggest.en}`,
    }
  },
  objectName: (kind: string): Localized => ({ ko: `${kind} 이름`, en: `The ${kind} name` }),
  labelKey: (key: string): Localized => ({
    ko: `레이블 키 ${p(`"${key}"`, '이/가')} 올바르지 않습니다. 키는 "이름" 또는 "접두사/이름" 형태이고, 이름은 63자 이하의 영숫자·"-"·"_"·"."이며 영숫자로 시작하고 끝나야 합니다(예: app, app.kubernetes.io/name). "/"는 한 번만 쓸 수 있습니다.`,
    en: `The label key "${key}" is invalid. A key is "name" or "prefix/name"; the name is up to 63 letters, digits, "-", "_" or "." and starts and ends with a letter or digit (e.g. app, app.kubernetes.io/name). Only one "/" is allowed.`,
  }),
  labelValue: (key: string, value: string): Localized => ({
    ko: `레이블 ${key}의 값 ${p(`"${value}"`, '이/가')} 올바르지 않습니다. 값은 비어 있거나, 63자 이하의 영숫자·"-"·"_"·"."로 영숫자로 시작하고 끝나야 합니다. 공백, "/", ":"는 쓸 수 없습니다.`,
    en: `The value "${value}" of label ${key} is invalid. A value is empty or up to 63 letters, digits, "-", "_" or "." starting and ending with a letter or digit; spaces, "/" and ":" are not allowed.`,
  }),
  labelNotString: (key: string): Localized => ({
    ko: `레이블 ${key}의 값은 문자열이어야 합니다. 숫자나 true/yes 같은 값은 따옴표로 감싸세요(예: "1.0", "true").`,
    en: `The value of label ${key} must be a string. Quote numbers and words like true/yes (e.g. "1.0", "true").`,
  }),
  annotationKey: (key: string): Localized => ({
    ko: `어노테이션 키 ${p(`"${key}"`, '이/가')} 올바르지 않습니다. 레이블 키와 같은 규칙("접두사/이름", 이름 63자 이하)을 따릅니다.`,
    en: `The annotation key "${key}" is invalid. It follows the label-key rule ("prefix/name", name up to 63 characters).`,
  }),
  annotationsTooLong: {
    ko: '어노테이션의 키와 값을 모두 합친 크기가 256 KiB(262144바이트)를 넘습니다. 큰 데이터는 어노테이션이 아니라 ConfigMap 같은 곳에 두세요.',
    en: 'All annotation keys and values together exceed 256 KiB (262144 bytes). Keep large data out of annotations (use a ConfigMap, for example).',
  } satisfies Localized,
  namespaceName: { ko: 'Namespace 이름', en: 'The Namespace name' } satisfies Localized,
  selectorOperator: (op: string): Localized => ({
    ko: `matchExpressions의 operator ${p(`"${op}"`, '은/는')} 지원되지 않습니다. In, NotIn, Exists, DoesNotExist 중 하나를 쓰세요.`,
    en: `The matchExpressions operator "${op}" is not supported. Use one of In, NotIn, Exists, DoesNotExist.`,
  }),
  selectorValuesRequired: {
    ko: 'operator가 In 또는 NotIn이면 values에 값이 하나 이상 있어야 합니다.',
    en: 'With operator In or NotIn, values must list at least one value.',
  } satisfies Localized,
  selectorValuesForbidden: {
    ko: 'operator가 Exists 또는 DoesNotExist이면 values를 쓰면 안 됩니다. values 줄을 지우세요.',
    en: 'With operator Exists or DoesNotExist, values must not be set. Remove the values line.',
  } satisfies Localized,
  selectorKeyRequired: {
    ko: 'matchExpressions의 각 항목에는 key가 필요합니다.',
    en: 'Each matchExpressions entry needs a key.',
  } satisfies Localized,
}
