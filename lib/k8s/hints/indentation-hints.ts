/** The hint for one line whose indentation explains a document's errors (indentation.ts). */
import { withParticle as p } from '../../text/korean-particles.ts'
import type { Localized } from '../types.ts'

export interface MisindentedLine {
  /** the key written on the line, or null for a list item (`- name: web`) */
  key: string | null
  /** more spaces are needed (the line sits too far left), or fewer (too far right) */
  direction: 'indent' | 'outdent'
  /**
   * where the line is read now: the parent path ('' for the top level) and whether it is read as an unknown field
   * (else as a value of the wrong type, a key of a label map say); null when the YAML cannot be read
   */
  readUnder: { path: string; asField: boolean } | null
  /** the object the line belongs to ('' for the top level) and the path it then has */
  parent: string
  path: string
  /** spaces before the line as written, and as it should be */
  spaces: number
  wantedSpaces: number
}

const code = (s: string) => `\`${s}\``

export function misindentedLineHint(m: MisindentedLine): Localized {
  const subject = m.key === null ? { ko: '이 목록 항목', en: 'This list item' } : { ko: code(m.key), en: code(m.key) }
  const under = m.readUnder
  const readAs: Localized =
    under === null
      ? { ko: '그 주변의 YAML을 읽을 수 없습니다', en: 'the YAML around it cannot be read' }
      : !under.asField
        ? {
            ko: `${code(under.path)}의 일부로 읽히는데, 그곳에는 올 수 없습니다`,
            en: `it is read as part of ${code(under.path)}, where it does not belong`,
          }
        : under.path === ''
          ? {
              ko: '맨 위 수준의 필드로 읽히는데, 그곳에는 그런 필드가 없습니다',
              en: 'it is read as a top-level field, which does not exist',
            }
          : {
              ko: `${code(under.path)}의 필드로 읽히는데, ${code(under.path)}에는 그런 필드가 없습니다`,
              en: `it is read as a field of ${code(under.path)}, which has no such field`,
            }
  const what: Localized =
    m.direction === 'indent'
      ? { ko: `${subject.ko}의 들여쓰기가 모자라 ${readAs.ko}.`, en: `${subject.en} is not indented enough, so ${readAs.en}.` }
      : { ko: `${p(subject.ko, '이/가')} 너무 깊이 들여 쓰여 ${readAs.ko}.`, en: `${subject.en} is indented too deep, so ${readAs.en}.` }
  const question: Localized =
    m.parent === ''
      ? { ko: '맨 위 수준에 두려던 것입니까?', en: 'Did you mean to put it at the top level?' }
      : m.direction === 'indent'
        ? { ko: `${code(m.parent)} 아래에 들여 쓰려던 것입니까?`, en: `Did you mean to indent this under ${code(m.parent)}?` }
        : { ko: `${code(m.parent)} 아래에 두려던 것입니까?`, en: `Did you mean to put it under ${code(m.parent)}?` }
  const target = code(m.path)
  const fix: Localized =
    m.wantedSpaces === 0
      ? { ko: `줄 앞의 스페이스를 모두 지우면 ${p(target, '이/가')} 됩니다.`, en: `Remove the spaces before it and it becomes ${target}.` }
      : {
          ko: `줄 앞의 스페이스를 ${m.spaces}칸이 아니라 ${m.wantedSpaces}칸으로 하면 ${p(target, '이/가')} 됩니다.`,
          en: `Start the line with ${m.wantedSpaces} spaces instead of ${m.spaces} and it becomes ${target}.`,
        }
  return { ko: `${what.ko} ${question.ko} ${fix.ko}`, en: `${what.en} ${question.en} ${fix.en}` }
}
