/**
 * What a kubectl error means, for a learner reading the command exercise's result: kubectl's own text stays as it
 * printed it (English), and this sentence follows it in the learner's language. Each explanation says what went
 * wrong and how to find out more — the step toward the answer, never the answer itself (the right name, the
 * right value). The texts matched are those the simulator's kubectl prints, which follow kubectl's (server errors
 * as staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go formats them: `Error from server (NotFound): …`; flag
 * errors as cobra/pflag print them).
 */
import { withParticle as p } from '../text/korean-particles.ts'
import type { Locale } from '../../i18n/locales.ts'

type Explanation = Record<Locale, (m: RegExpMatchArray) => string>

const explanations: Array<[RegExp, Explanation]> = [
  [
    /^error: the server doesn't have a resource type "([^"]*)"/m,
    {
      ko: (m) =>
        `kubectl이 아는 리소스 종류 중에 ${p(`"${m[1]}"`, '이/가')} 없습니다. 철자를 확인하세요. \`kubectl api-resources\`가 쓸 수 있는 종류를 보여 줍니다.`,
      en: (m) => `kubectl knows no resource type "${m[1]}". Check the spelling: \`kubectl api-resources\` lists the types there are.`,
    },
  ],
  [
    /^Error from server \(NotFound\): ([a-z.]+) "([^"]*)" not found/m,
    {
      ko: (m) =>
        `이 네임스페이스에는 이름이 "${m[2]}"인 ${p(m[1]!, '이/가')} 없습니다. \`kubectl get ${m[1]!.split('.')[0]}\`로 있는 이름을 확인하세요.`,
      en: (m) => `There is no ${m[1]} named "${m[2]}" in this namespace. \`kubectl get ${m[1]!.split('.')[0]}\` lists the names there are.`,
    },
  ],
  [
    /^error: unknown command "([^"]*)" for "kubectl"/m,
    {
      ko: (m) => `kubectl에는 ${p(`"${m[1]}"`, '이라는/라는')} 명령이 없습니다. \`kubectl --help\`가 명령 목록을 보여 줍니다.`,
      en: (m) => `kubectl has no command "${m[1]}". \`kubectl --help\` lists its commands.`,
    },
  ],
  [
    /^error: unknown (?:shorthand )?flag: '?(-{1,2}[^'\s]*)'?/m,
    {
      ko: (m) => `이 명령에는 ${p(m[1]!, '이라는/라는')} 플래그가 없습니다. 명령 뒤에 \`--help\`를 붙이면 쓸 수 있는 플래그를 보여 줍니다.`,
      en: (m) => `This command has no flag ${m[1]}. Add \`--help\` to the command to list the flags it takes.`,
    },
  ],
  [
    /^error: invalid argument "([^"]*)" for "([^"]*)" flag: (strconv\.Parse)?/m,
    {
      ko: (m) => `${m[2]} 플래그는 ${p(`"${m[1]}"`, '을/를')} 받지 않습니다${m[3] ? '. 숫자를 적어야 합니다' : ''}.`,
      en: (m) => `The ${m[2]} flag does not take "${m[1]}"${m[3] ? ': it takes a number' : ''}.`,
    },
  ],
  [
    /^error: required flag\(s\) "([^"]*)" not set/m,
    {
      ko: (m) => `이 명령에는 --${m[1]} 플래그가 꼭 있어야 합니다. 플래그 이름의 철자도 확인하세요.`,
      en: (m) => `This command needs the flag --${m[1]}. Check the spelling of the flags you gave.`,
    },
  ],
  [
    /already exists/,
    {
      ko: () => '같은 이름의 오브젝트가 이미 있어 새로 만들지 않았습니다. 있는 오브젝트를 바꾸는 명령을 쓰거나, 먼저 지우고 다시 만드세요.',
      en: () =>
        'An object of that name already exists, so nothing was created. Use a command that changes the existing object, or delete it first.',
    },
  ],
  [
    /^error: unable to find container named "([^"]*)"/m,
    {
      ko: (m) =>
        `이 오브젝트에는 이름이 "${m[1]}"인 컨테이너가 없습니다. 컨테이너 이름은 오브젝트의 이름과 다를 수 있습니다. \`kubectl describe\`로 컨테이너 이름을 확인하세요.`,
      en: (m) =>
        `This object has no container named "${m[1]}". A container's name can differ from its object's: \`kubectl describe\` shows the containers' names.`,
    },
  ],
  [
    /^error: unable to find specified revision (\d+) in history/m,
    {
      ko: (m) => `리비전 ${p(m[1]!, '이/가')} 기록에 없습니다. \`kubectl rollout history\`가 있는 리비전을 보여 줍니다.`,
      en: (m) => `There is no revision ${m[1]} in the history. \`kubectl rollout history\` lists the revisions there are.`,
    },
  ],
  [
    /^error: unable to match a printer suitable for the output format "([^"]*)"/m,
    {
      ko: (m) => `출력 형식 ${p(`"${m[1]}"`, '은/는')} 없습니다. kubectl이 쓸 수 있는 형식을 메시지 끝에 적어 두었습니다.`,
      en: (m) => `There is no output format "${m[1]}". kubectl lists the formats it has at the end of its message.`,
    },
  ],
  [
    /^error: couldn't find port via --port flag or introspection/m,
    {
      ko: () => 'Service가 받을 포트를 알 수 없습니다. 대상의 컨테이너가 containerPort를 적어 두지 않았다면 --port로 알려 주어야 합니다.',
      en: () =>
        'kubectl could not tell which port the Service should take: when the containers declare no containerPort, give it with --port.',
    },
  ],
  [
    /^The [A-Za-z]+ "[^"]*" is invalid: ([a-zA-Z.[\]0-9]+):/m,
    {
      ko: (m) => `API 서버가 오브젝트를 거절했습니다. ${m[1]} 필드의 값이 규칙에 맞지 않습니다. 필드 이름 뒤의 설명이 규칙을 말해 줍니다.`,
      en: (m) => `The API server refused the object: the value of ${m[1]} breaks a rule, which the text after the field name states.`,
    },
  ],
]

/** The most commands a result quotes: the first ones that failed (later ones often fail for the same reason). */
export const MAX_COMMAND_ERRORS = 3

/** The explanation of a failed command's output, in the learner's language. */
export function explainKubectlError(output: string, lang: Locale): string {
  for (const [pattern, explain] of explanations) {
    const match = output.match(pattern)
    if (match) return explain[lang](match)
  }
  return lang === 'ko'
    ? 'kubectl이 이 명령을 실행하지 못했습니다. 위에 출력된 메시지가 이유를 말해 줍니다.'
    : 'kubectl could not run this command; the message it printed above says why.'
}
