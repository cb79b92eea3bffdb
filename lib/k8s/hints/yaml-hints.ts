/** Learner hints for problems found before any Kubernetes rule runs: YAML syntax and input limits. */
import { withParticle } from '../../text/korean-particles.ts'
import type { Localized } from '../types.ts'

/** A document whose top level repeats `apiVersion` or `kind`: two objects with no `---` between them. */
function secondObject(key: string): Localized {
  return {
    ko: `${withParticle(`\`${key}\``, '이/가')} 두 번 나옵니다. 두 오브젝트 사이에 \`---\`를 빠뜨리지 않았습니까?`,
    en: `\`${key}\` appears twice: did you forget \`---\` between two objects?`,
  }
}

const BY_CODE: Record<string, Localized> = {
  TAB_AS_INDENT: {
    ko: 'YAML은 들여쓰기에 탭 문자를 쓸 수 없습니다. 탭을 스페이스(보통 2칸)로 바꾸세요.',
    en: 'YAML does not allow tab characters for indentation. Replace the tabs with spaces (usually 2).',
  },
  BAD_INDENT: {
    ko: '들여쓰기가 맞지 않습니다. 같은 수준의 필드는 같은 칸에서 시작해야 하고, 하위 필드는 부모보다 더 들여써야 합니다.',
    en: 'The indentation is off. Fields at the same level must start in the same column; child fields must be indented further than their parent.',
  },
  DUPLICATE_KEY: {
    ko: '같은 맵 안에 같은 키가 두 번 있습니다. 하나를 지우거나 이름을 바꾸세요.',
    en: 'The same key appears twice in one map. Remove one of them or rename it.',
  },
  SECOND_OBJECT_API_VERSION: secondObject('apiVersion'),
  SECOND_OBJECT_KIND: secondObject('kind'),
  MISSING_CHAR: {
    ko: '닫는 따옴표나 괄호(", \', ], })가 빠졌거나 키 뒤의 콜론(:)이 없습니다.',
    en: 'A closing quote or bracket (", \', ], }) is missing, or a key lacks its colon (:).',
  },
  BLOCK_AS_IMPLICIT_KEY: {
    ko: '키 자리에 여러 줄 값이 왔습니다. 보통 콜론(:) 뒤에 공백이 빠졌거나 들여쓰기가 틀린 경우입니다.',
    en: 'A multi-line value is used as a key. Usually a space is missing after a colon (:) or the indentation is wrong.',
  },
  MULTILINE_IMPLICIT_KEY: {
    ko: '키는 한 줄에 있어야 합니다. 콜론(:) 뒤에 공백이 있는지, 들여쓰기가 맞는지 확인하세요.',
    en: 'A key must fit on one line. Check for a space after the colon (:) and for correct indentation.',
  },
  UNEXPECTED_TOKEN: {
    ko: '이 위치에 올 수 없는 문자가 있습니다. 콜론(:) 뒤 공백, 목록의 "- " 표시, 들여쓰기를 확인하세요.',
    en: 'There is a character that cannot appear here. Check the space after colons (:), the "- " list markers and the indentation.',
  },
  BAD_ALIAS: {
    ko: '별칭(*이름)이 정의되지 않은 앵커를 가리키거나 잘못 쓰였습니다. Kubernetes 매니페스트에서는 앵커/별칭 없이 쓰는 편이 좋습니다.',
    en: 'An alias (*name) refers to an anchor that is not defined, or is misused. Kubernetes manifests are clearer without anchors and aliases.',
  },
  NON_STRING_KEY: {
    ko: '맵의 키는 단순한 값이어야 합니다. 목록이나 맵을 키로 쓸 수 없습니다.',
    en: 'Map keys must be plain values; a list or a map cannot be a key.',
  },
  RESOURCE_EXHAUSTION: {
    ko: '중첩이 너무 깊거나 별칭이 너무 많이 펼쳐집니다. 실제 매니페스트는 이렇게 깊지 않습니다 — 구조를 단순하게 만드세요.',
    en: 'The nesting is too deep or aliases expand too much. Real manifests are never this deep — simplify the structure.',
  },
}

const GENERIC: Localized = {
  ko: 'YAML 문법 오류입니다. 표시된 줄과 그 윗줄의 들여쓰기, 콜론(:) 뒤 공백, 따옴표 짝을 확인하세요.',
  en: 'This is a YAML syntax error. Check the indentation, the space after each colon (:) and matching quotes on this line and the one above.',
}

export function yamlSyntaxHint(code: string): Localized {
  return BY_CODE[code] ?? GENERIC
}

export const limitHints = {
  tooLarge: (bytes: number): Localized => ({
    ko: `입력이 ${bytes.toLocaleString('en-US')}바이트로, API 서버의 요청 한도(3 MiB)를 넘습니다. 매니페스트를 나누거나 불필요한 내용을 지우세요.`,
    en: `The input is ${bytes.toLocaleString('en-US')} bytes, over the API server's 3 MiB request limit. Split the manifest or remove what is not needed.`,
  }),
  controlCharacter: (code: number): Localized => ({
    ko: `텍스트가 아닌 문자(U+${code.toString(16).toUpperCase().padStart(4, '0')})가 있습니다. 바이너리 파일이거나 복사 중 깨진 것 같습니다. YAML 텍스트만 붙여 넣으세요.`,
    en: `There is a non-text character (U+${code.toString(16).toUpperCase().padStart(4, '0')}). This looks like a binary file or a broken copy; paste only YAML text.`,
  }),
  tooManyDocuments: (count: number, max: number): Localized => ({
    ko: `문서(--- 로 구분)가 ${count}개입니다. 한 번에 최대 ${max}개까지만 검사합니다.`,
    en: `There are ${count} documents (separated by ---). At most ${max} are checked at once.`,
  }),
  invalidUtf8: (offset: number): Localized => ({
    ko: `${offset}번째 바이트가 올바른 UTF-8이 아닙니다. 파일을 UTF-8로 저장하세요(한글이 깨졌다면 인코딩 문제입니다).`,
    en: `Byte ${offset} is not valid UTF-8. Save the file as UTF-8 (garbled Korean text is a sign of the wrong encoding).`,
  }),
}
