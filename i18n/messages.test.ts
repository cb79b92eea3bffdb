import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseIcu, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { parse } from 'yaml'

// Every interface string exists in Korean and English: the same keys, none empty.
function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
  return [prefix]
}
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown

/** Every string in a parsed file with its dotted path. */
function strings(value: unknown, prefix = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path: prefix, text: value }]
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k))
  return []
}

const nested = readdirSync('messages/en').map((f) => `/${f}`)
const messageFiles = (lang: 'ko' | 'en') => [`messages/${lang}.json`, ...nested.map((f) => `messages/${lang}${f}`)]

function filesUnder(dir: string, match: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), match) : match(e.name) ? [join(dir, e.name)] : [],
  )
}
const contentYaml = filesUnder('content', (n) => n.endsWith('.yaml'))
const koreanMdx = filesUnder('content', (n) => n === 'ko.mdx')

/** The Korean strings of a content file: values under a `ko` key. */
const koreanOf = (file: string) => strings(parse(readFileSync(file, 'utf8'))).filter((s) => s.path === 'ko' || s.path.endsWith('.ko'))

// --- The rules of docs/korean-style.md that a machine can check -------------------------------------------------

/** "이(가)", "을(를)", "(으)로"…: the particle must be chosen (withParticle) or the sentence rephrased. */
const PLACEHOLDER_PARTICLE = /이\(가\)|가\(이\)|을\(를\)|를\(을\)|은\(는\)|는\(은\)|\(으\)로|와\(과\)|과\(와\)|\(이\)|\(을\)|\(은\)/

/** 반말 addressed to the learner: "바꿀까?", "뭐니?", "잘했다!", "해 봐!", "잘했어.", "끝이야". */
const BANMAL = [
  /(?<!니)까\?/,
  /[가-힣](?:냐|니|지|야|래)\?/,
  /(?<!니)다!/,
  /(?:해|봐|자|라|어|아|지|네|군)!/,
  /(?:했어|했지|거야|이야|잖아|할게|볼게)(?:[.!?]|$)/,
]

/** A sentence that ends in 해라체 ("…한다.", "…이다:") rather than 합쇼체 ("…합니다.", "…입니다:"). */
const HAERACHE_ENDING = /(?<!니)다(?=\s*(?:[.!?:()]|$))/

const findParticle = (text: string) => PLACEHOLDER_PARTICLE.exec(text)?.[0]
const findBanmal = (text: string) => BANMAL.map((r) => r.exec(text)?.[0]).find(Boolean)
const findHaerache = (text: string) => (HAERACHE_ENDING.test(text) ? text : undefined)

/** What speaks to the learner in exercises and quizzes (quiz choices are propositions, as in any Korean test). */
const ADDRESSED_TO_LEARNER = /^(instructions|hints\.\d+|checks\.\d+\.(message|hint)|questions\.\d+\.(prompt|explanation))\.ko$/

function violations(items: { path: string; text: string }[], find: (text: string) => string | undefined): string[] {
  return items.flatMap(({ path, text }) => {
    const found = find(text)
    return found ? [`${path}: ${found === text ? text : `"${found}" in ${text}`}`] : []
  })
}

/** The arguments an ICU message takes, also inside plural and select branches (whose text is not an argument). */
function argumentNames(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((e) => {
    const own = 'value' in e && typeof e.value === 'string' && e.type !== 0 && e.type !== 8 ? [e.value] : []
    const branches = 'options' in e ? Object.values(e.options).flatMap((o) => argumentNames(o.value)) : []
    const children = 'children' in e ? argumentNames(e.children) : []
    return [...own, ...branches, ...children]
  })
}

describe('interface messages', () => {
  const files = ['', ...nested]
  it.each(files)('ko and en have the same keys (messages%s)', (file) => {
    const en = file ? read(`messages/en${file}`) : read('messages/en.json')
    const ko = file ? read(`messages/ko${file}`) : read('messages/ko.json')
    expect(keys(ko).sort()).toEqual(keys(en).sort())
    for (const k of keys(en)) expect(k).not.toBe('')
  })

  it.each(files)('ko and en take the same arguments (messages%s)', (file) => {
    const args = (text: string) => [...new Set(argumentNames(parseIcu(text, { ignoreTag: true })))].sort()
    const en = new Map(strings(file ? read(`messages/en${file}`) : read('messages/en.json')).map((s) => [s.path, args(s.text)]))
    for (const { path, text } of strings(file ? read(`messages/ko${file}`) : read('messages/ko.json')))
      expect(args(text), path).toEqual(en.get(path))
  })
})

describe('Korean style (docs/korean-style.md)', () => {
  it.each([...messageFiles('ko'), ...messageFiles('en')])('no placeholder particle such as 이(가) in %s', (file) => {
    expect(violations(strings(read(file)), findParticle)).toEqual([])
  })

  it.each(messageFiles('ko'))('no 반말 in %s', (file) => {
    expect(violations(strings(read(file)), findBanmal)).toEqual([])
  })

  it.each(contentYaml)('no placeholder particle and no 반말 in %s', (file) => {
    const korean = koreanOf(file)
    expect(violations(korean, findParticle)).toEqual([])
    expect(violations(korean, findBanmal)).toEqual([])
  })

  it.each(contentYaml.filter((f) => /(exercise|quiz)\.yaml$/.test(f)))('what speaks to the learner is 합쇼체 in %s', (file) => {
    expect(
      violations(
        koreanOf(file).filter((s) => ADDRESSED_TO_LEARNER.test(s.path)),
        findHaerache,
      ),
    ).toEqual([])
  })

  it.each(koreanMdx)('no placeholder particle in %s', (file) => {
    expect(findParticle(readFileSync(file, 'utf8'))).toBeUndefined()
  })
})

describe('the style rules themselves', () => {
  it.each(['{name}이(가) 없습니다.', '{kind}을(를) 만드세요.', '{name}({role})(으)로 로그인함', '{a}와(과) {b}', '{a}은(는)'])(
    '%s has a placeholder particle',
    (text) => {
      expect(findParticle(text)).toBeDefined()
    },
  )
  it.each(['Pod가 없습니다.', '레이블(label)을 확인하세요.', '로그인한 계정: {name}({role})', '포트(80)와 이름'])('%s has none', (text) => {
    expect(findParticle(text)).toBeUndefined()
  })

  it.each(['작성한 YAML을 처음 틀로 바꿀까?', '통과 — 잘했다!', '다시 해 봐!', '이게 뭐니?', '잘했어.', '정답이야'])(
    '%s is 반말',
    (text) => {
      expect(findBanmal(text)).toBeDefined()
    },
  )
  it.each([
    '처음 틀로 되돌리시겠습니까?',
    '통과했습니다.',
    '이때 Pod는 몇 개입니까?',
    '결과는?',
    '다음 중 맞는 것',
    '무엇을 고쳐야 합니까?',
  ])('%s is not 반말', (text) => {
    expect(findBanmal(text)).toBeUndefined()
  })

  it.each(['Deployment `web`을 만든다.', '정답은 한 줄이다: `kubectl get nodes`.', '80이다(기본값)', '준비되었다'])(
    '%s ends in 해라체',
    (text) => {
      expect(findHaerache(text)).toBeDefined()
    },
  )
  it.each([
    'Deployment `web`을 만드세요.',
    '`spec.replicas`가 3입니다.',
    '정답은 한 줄입니다: `kubectl get nodes`.',
    '다른 노드에서 다시 생깁니다(약 6분).',
  ])('%s is 합쇼체', (text) => {
    expect(findHaerache(text)).toBeUndefined()
  })
})
