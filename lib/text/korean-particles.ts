/**
 * Korean particles (조사) chosen by the word before them, so no message ever shows both forms with parentheses
 * for the reader to pick from.
 *
 * The particle depends on how the preceding word is *read*: `web` is read 웹 (ends in a consonant: "web이"),
 * `Pod` 파드 (a vowel: "Pod가"), `3` 삼 ("3이"), `label` 레이블 (ㄹ: "label로"). Hangul is exact; digits follow
 * the Sino-Korean reading; Latin words use a small dictionary of the words Kubelab's messages name, then
 * spelling rules that hold for most English loanwords. Pure, no dependencies: used by lib/k8s, lib/grading and
 * the UI alike.
 */

/** Supported pairs, written "after a consonant / after a vowel". */
export type ParticlePair =
  '이/가' | '을/를' | '은/는' | '과/와' | '으로/로' | '이나/나' | '이라고/라고' | '이어야/여야' | '이었/였' | '이라는/라는'

/** How a word ends when read aloud: no final consonant, ㄹ, or another final consonant. */
export type FinalSound = 'vowel' | 'rieul' | 'consonant'

const HANGUL_FIRST = 0xac00
const HANGUL_LAST = 0xd7a3
const RIEUL_INDEX = 8

function hangulFinal(code: number): FinalSound {
  const jong = (code - HANGUL_FIRST) % 28
  return jong === 0 ? 'vowel' : jong === RIEUL_INDEX ? 'rieul' : 'consonant'
}

// Sino-Korean digit readings: 영 일 이 삼 사 오 육 칠 팔 구.
const DIGIT_FINAL: Record<string, FinalSound> = {
  '0': 'consonant', // 영
  '1': 'rieul', // 일
  '2': 'vowel', // 이
  '3': 'consonant', // 삼
  '4': 'vowel', // 사
  '5': 'vowel', // 오
  '6': 'consonant', // 육
  '7': 'rieul', // 칠
  '8': 'rieul', // 팔
  '9': 'vowel', // 구
}

/** Trailing zeros of a whole number name its last unit: 십 백 천 만 … 억. */
const UNIT_FINAL: FinalSound[] = [
  'vowel',
  'consonant',
  'consonant',
  'consonant',
  'consonant',
  'consonant',
  'consonant',
  'consonant',
  'consonant',
]
//                                  (none)   10 십      100 백       1000 천      만           십만         백만         천만         억

function numberFinal(digits: string, afterPoint: boolean): FinalSound {
  if (afterPoint) return DIGIT_FINAL[digits[digits.length - 1]!]!
  const trimmed = digits.replace(/^0+(?=\d)/, '')
  if (/^0+$/.test(trimmed)) return 'consonant' // 영
  const zeros = trimmed.length - trimmed.replace(/0+$/, '').length
  if (zeros === 0) return DIGIT_FINAL[trimmed[trimmed.length - 1]!]!
  return UNIT_FINAL[Math.min(zeros, UNIT_FINAL.length - 1)]!
}

// Letter names, as an acronym is read: L 엘, M 엠, N 엔, R 알; every other letter ends in a vowel (에이, 비, 씨…).
const LETTER_FINAL: Record<string, FinalSound> = { l: 'rieul', m: 'consonant', n: 'consonant', r: 'rieul' }

/** Words Kubelab's messages name, as Korean engineers read them (lower-case). */
const KNOWN_WORDS: Record<string, FinalSound> = {
  pod: 'vowel',
  pods: 'vowel',
  deployment: 'vowel',
  replicaset: 'consonant', // 레플리카셋
  daemonset: 'consonant',
  statefulset: 'consonant',
  service: 'vowel',
  node: 'vowel',
  container: 'vowel',
  label: 'rieul',
  labels: 'vowel',
  selector: 'vowel',
  namespace: 'vowel',
  endpoints: 'vowel',
  endpointslice: 'vowel',
  configmap: 'consonant', // 컨피그맵
  secret: 'consonant', // 시크릿
  ingress: 'vowel',
  job: 'consonant', // 잡
  cronjob: 'consonant',
  nginx: 'vowel', // 엔진엑스
  busybox: 'vowel',
  redis: 'vowel',
  httpd: 'vowel',
  yaml: 'rieul', // 야믈
  json: 'consonant', // 제이슨
  kubectl: 'rieul', // 큐브컨트롤
  kubelet: 'consonant', // 큐블릿
  web: 'consonant', // 웹
  app: 'consonant', // 앱
  api: 'vowel',
  spec: 'consonant', // 스펙
  template: 'consonant', // 템플릿
  rollout: 'consonant', // 롤아웃
  revision: 'consonant', // 리비전
  volume: 'consonant', // 볼륨
  startup: 'consonant', // 스타트업
  readiness: 'vowel',
  liveness: 'vowel',
  probe: 'vowel',
  image: 'vowel',
  port: 'vowel',
  name: 'consonant', // 네임
  status: 'vowel',
  metadata: 'vowel',
  strategy: 'vowel',
  true: 'vowel',
  false: 'vowel',
  null: 'rieul',
  latest: 'vowel',
  main: 'consonant',
  exec: 'consonant', // 이그젝
  edit: 'consonant',
  get: 'consonant',
  set: 'consonant',
  run: 'consonant',
  curl: 'rieul',
  check: 'vowel', // 체크
  clusterip: 'vowel',
  nodeport: 'vowel',
  loadbalancer: 'vowel',
  externalname: 'consonant',
  ip: 'vowel',
  tcp: 'vowel',
  udp: 'vowel',
  dns: 'vowel',
  cpu: 'vowel',
}

const VOWELS = 'aeiou'

/** Spelling rules for an English word (lower-case letters only) not in the dictionary. */
function englishWordFinal(word: string): FinalSound {
  const last = word[word.length - 1]!
  const before = word[word.length - 2] ?? ''
  const third = word[word.length - 3] ?? ''
  if (word.endsWith('ng')) return 'consonant' // ㅇ: string, ping
  if (last === 'l') return 'rieul' // pull, control
  if (word.length > 2 && word.endsWith('le') && !VOWELS.includes(third)) return 'rieul' // scale, table, console
  if (last === 'm' || last === 'n') return 'consonant' // ㅁ ㄴ: stream, main
  if (last === 'e' && (before === 'm' || before === 'n') && VOWELS.includes(third)) return 'consonant' // name 네임, line 라인
  if (last === 'b') return 'consonant' // ㅂ: web, hub
  if (last === 'p' && VOWELS.includes(before) && !VOWELS.includes(third)) return 'consonant' // ㅂ: app, setup, map
  if (last === 'k' && before === 'c' && VOWELS.includes(third)) return 'consonant' // ㄱ: back, stack, block
  // ㅅ after one short vowel: set, get, edit, limit, secret (but start, root, wait end in 트)
  if (last === 't' && VOWELS.includes(before) && !VOWELS.includes(third)) return 'consonant'
  return 'vowel'
}

function latinFinal(run: string): FinalSound {
  const lower = run.toLowerCase()
  const known = KNOWN_WORDS[lower]
  if (known) return known
  // An acronym is read letter by letter (TCP 티씨피, HTML 에이치티엠엘).
  if (run.length <= 5 && run === run.toUpperCase() && /[A-Z]/.test(run)) return LETTER_FINAL[lower[lower.length - 1]!] ?? 'vowel'
  // camelCase and PascalCase: the last word is the one read last (containerPort → port, ReplicaSet → set).
  const words = run.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g)
  const lastWord = words?.[words.length - 1]?.toLowerCase() ?? lower
  if (lastWord.length === 1) return LETTER_FINAL[lastWord] ?? 'vowel'
  return KNOWN_WORDS[lastWord] ?? englishWordFinal(lastWord)
}

/** How `text` ends when read: the last Hangul syllable, number or word, past quotes, brackets and punctuation. */
export function finalSound(text: string): FinalSound {
  const trimmed = text.replace(/[\s"'`’”»)\]}>.,!?:;…*_~-]+$/u, '')
  if (trimmed.length === 0) return 'vowel'
  const lastChar = trimmed[trimmed.length - 1]!
  const code = lastChar.charCodeAt(0)
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) return hangulFinal(code)
  if (lastChar === '%') return 'vowel' // 퍼센트
  const number = /(\d+)(?:\.(\d+))?$/.exec(trimmed)
  if (number) return number[2] !== undefined ? numberFinal(number[2], true) : numberFinal(number[1]!, false)
  const latin = /[A-Za-z]+$/.exec(trimmed)
  if (latin) return latinFinal(latin[0])
  return 'vowel'
}

/** The particle that follows `word`: particle('web', '이/가') === '이', particle('Pod', '이/가') === '가'. */
export function particle(word: string, pair: ParticlePair): string {
  const [afterConsonant, afterVowel] = pair.split('/') as [string, string]
  const sound = finalSound(word)
  if (pair === '으로/로') return sound === 'consonant' ? afterConsonant : afterVowel
  return sound === 'vowel' ? afterVowel : afterConsonant
}

/** `word` followed by its particle: withParticle('Deployment "web"', '을/를') === 'Deployment "web"을'. */
export function withParticle(word: string, pair: ParticlePair): string {
  return `${word}${particle(word, pair)}`
}
