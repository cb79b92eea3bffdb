import { describe, expect, it } from 'vitest'
import { finalSound, particle, withParticle } from './korean-particles.ts'

describe('Korean particles chosen by the word before them', () => {
  it.each([
    // Hangul: the final consonant decides.
    ['사과', '이/가', '사과가'],
    ['컨테이너', '을/를', '컨테이너를'],
    ['레이블', '으로/로', '레이블로'], // ㄹ takes 로
    ['이름', '으로/로', '이름으로'],
    ['노드', '은/는', '노드는'],
    ['서비스', '과/와', '서비스와'],
    ['선택', '과/와', '선택과'],
    // Kubernetes words, as they are read.
    ['Pod', '이/가', 'Pod가'], // 파드
    ['ReplicaSet', '이/가', 'ReplicaSet이'], // 레플리카셋
    ['Deployment "web"', '을/를', 'Deployment "web"을'], // 웹
    ['`nginx`', '을/를', '`nginx`를'], // 엔진엑스
    ['containerPort', '이/가', 'containerPort가'], // …포트
    ['label', '으로/로', 'label로'],
    ['kubectl', '으로/로', 'kubectl로'],
    ['YAML', '을/를', 'YAML을'],
    ['ClusterIP', '이/가', 'ClusterIP가'],
    ['spec.template', '이/가', 'spec.template이'],
    // Numbers, read in Sino-Korean.
    ['3', '이/가', '3이'], // 삼
    ['2', '이/가', '2가'], // 이
    ['1', '으로/로', '1로'], // 일: ㄹ
    ['6', '으로/로', '6으로'], // 육
    ['80', '이/가', '80이'], // 팔십
    ['8080', '이/가', '8080이'], // 팔천팔십
    ['100', '을/를', '100을'], // 백
    ['1000', '이/가', '1000이'], // 천
    ['0', '이/가', '0이'], // 영
    ['nginx:1.27', '이/가', 'nginx:1.27이'], // …이칠
    ['nginx:1.25', '으로/로', 'nginx:1.25로'], // …이오
    ['50%', '이/가', '50%가'], // 퍼센트
    // English words not in the dictionary, by spelling.
    ['string', '이/가', 'string이'], // 스트링
    ['scale', '으로/로', 'scale로'], // 스케일
    ['limit', '이/가', 'limit이'], // 리밋
    ['wait', '이/가', 'wait가'], // 웨이트
    ['check', '을/를', 'check를'], // 체크
    ['TCP', '이/가', 'TCP가'],
    ['HTML', '이/가', 'HTML이'], // 엘
    // Quotes, brackets and punctuation after the word are skipped.
    ['"web")', '이/가', '"web")이'],
    ['app=web', '이/가', 'app=web이'],
    ['port 80.', '은/는', 'port 80.은'],
  ] as const)('%s + %s → %s', (word, pair, expected) => {
    expect(withParticle(word, pair)).toBe(expected)
  })

  it('never answers with both forms at once', () => {
    for (const word of ['', '   ', '…', '!!!', '🙂', 'é', '-']) {
      for (const pair of ['이/가', '을/를', '은/는', '으로/로'] as const) {
        const p = particle(word, pair)
        expect(pair.split('/')).toContain(p)
      }
    }
  })

  it('reads ㄹ apart from other final consonants', () => {
    expect(finalSound('일')).toBe('rieul')
    expect(finalSound('삼')).toBe('consonant')
    expect(finalSound('사')).toBe('vowel')
  })
})
