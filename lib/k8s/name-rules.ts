/**
 * String format rules of apimachinery's pkg/util/validation (names, labels, ports, percents). Each returns
 * the list of problem texts, worded exactly as Kubernetes words them; [] means valid.
 */

/**
 * The same label keys, names and ports come back in every manifest (`app`, `web`, `http`); remembering the
 * verdicts skips the regexes. Bounded, and the arrays are frozen because they are shared.
 */
function memo(check: (value: string) => string[]): (value: string) => readonly string[] {
  const cache = new Map<string, readonly string[]>()
  return (value) => {
    let hit = cache.get(value)
    if (hit === undefined) {
      if (cache.size >= 2000) cache.clear()
      hit = Object.freeze(check(value))
      cache.set(value, hit)
    }
    return hit
  }
}

export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`
  // Kubernetes appends "'ex', " per example and joins with " or ", hence the double space before "or".
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`
}

export const maxLenError = (n: number) => `must be no more than ${n} characters`
export const EMPTY_ERROR = 'must be non-empty'
export const NEGATIVE_ERROR = 'must be greater than or equal to 0'
export const inclusiveRangeError = (lo: number, hi: number) => `must be between ${lo} and ${hi}, inclusive`

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`)
export const DNS1123_LABEL_MAX = 63

const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`)
export const DNS1123_SUBDOMAIN_MAX = 253

const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?'
const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"
const DNS1035_LABEL_RE = new RegExp(`^${DNS1035_LABEL_FMT}$`)

const QNAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const QNAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const QNAME_RE = new RegExp(`^${QNAME_FMT}$`)
const QNAME_MAX = 63

const LABEL_VALUE_FMT = `(${QNAME_FMT})?`
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`)
export const LABEL_VALUE_MAX = 63

const PERCENT_FMT = '[0-9]+%'
const PERCENT_RE = /^[0-9]+%$/

export const isDNS1123Label = memo(function isDNS1123Label(value: string): string[] {
  const errs: string[] = []
  if (value.length > DNS1123_LABEL_MAX) errs.push(maxLenError(DNS1123_LABEL_MAX))
  if (!DNS1123_LABEL_RE.test(value)) {
    // a valid subdomain that is not a label can only be wrong because of its dots
    if (DNS1123_SUBDOMAIN_RE.test(value)) errs.push('must not contain dots')
    else errs.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'))
  }
  return errs
})

export const isDNS1123Subdomain = memo(function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = []
  if (value.length > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX))
  if (!DNS1123_SUBDOMAIN_RE.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'))
  return errs
})

export const isDNS1035Label = memo(function isDNS1035Label(value: string): string[] {
  const errs: string[] = []
  if (value.length > DNS1123_LABEL_MAX) errs.push(maxLenError(DNS1123_LABEL_MAX))
  if (!DNS1035_LABEL_RE.test(value)) errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'))
  return errs
})

/** Label and annotation keys: optional DNS-subdomain prefix, `/`, then a name of up to 63 characters. */
export const isQualifiedName = memo(function isQualifiedName(value: string): string[] {
  const errs: string[] = []
  const parts = value.split('/')
  let name: string
  if (parts.length === 1) name = parts[0]
  else if (parts.length === 2) {
    const prefix = parts[0]
    name = parts[1]
    if (prefix.length === 0) errs.push(`prefix part ${EMPTY_ERROR}`)
    else for (const m of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${m}`)
  } else {
    return [
      `a qualified name ${regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ]
  }
  if (name.length === 0) errs.push(`name part ${EMPTY_ERROR}`)
  else if (name.length > QNAME_MAX) errs.push(`name part ${maxLenError(QNAME_MAX)}`)
  if (!QNAME_RE.test(name)) errs.push(`name part ${regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc')}`)
  return errs
})

export const isValidLabelValue = memo(function isValidLabelValue(value: string): string[] {
  const errs: string[] = []
  if (value.length > LABEL_VALUE_MAX) errs.push(maxLenError(LABEL_VALUE_MAX))
  if (!LABEL_VALUE_RE.test(value)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'))
  return errs
})

/** IANA_SVC_NAME: container port names and named targetPorts. */
export const isValidPortName = memo(function isValidPortName(port: string): string[] {
  const errs: string[] = []
  if (port.length > 15) errs.push(maxLenError(15))
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)')
  if (port.includes('--')) errs.push('must not contain consecutive hyphens')
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen')
  return errs
})

export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)]
}

export function isValidPercent(value: string): string[] {
  return PERCENT_RE.test(value)
    ? []
    : [regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, '1%', '93%')]
}

const CONFIG_KEY_FMT = '[-._a-zA-Z0-9]+'
const CONFIG_KEY_RE = /^[-._a-zA-Z0-9]+$/

/** IsConfigMapKey: a key of a ConfigMap or Secret, also as named by configMapKeyRef/secretKeyRef. */
export function isConfigMapKey(key: string): string[] {
  const problems: string[] = []
  if (key.length > 253) problems.push(maxLenError(253))
  if (!CONFIG_KEY_RE.test(key))
    problems.push(
      regexError(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
        CONFIG_KEY_FMT,
        'key.name',
        'KEY_NAME',
        'key-name',
      ),
    )
  if (key === '.' || key === '..') problems.push(`must not be '${key}'`)
  else if (key.startsWith('..')) problems.push("must not start with '..'")
  return problems
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/

/** netutils.ParseIPSloppy accepts it: dotted IPv4 or IPv6. */
export function isIP(value: string): boolean {
  if (IPV4.test(value)) return true
  // IPv6: hex groups with at most one `::`
  if (!/^[0-9a-fA-F:]+$/.test(value) || !value.includes(':')) return false
  const halves = value.split('::')
  if (halves.length > 2) return false
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')))
  if (groups.some((g) => g.length === 0 || g.length > 4)) return false
  return halves.length === 2 ? groups.length < 8 : groups.length === 8
}

export const IP_ADDRESS_ERROR = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'
