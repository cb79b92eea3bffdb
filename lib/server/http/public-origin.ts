/**
 * The origin people reach Kubelab at, for links they copy and share (a class's invite link). Behind a reverse
 * proxy the Host header names the upstream (often localhost:3000), so the proxy's X-Forwarded-Host and
 * X-Forwarded-Proto come first, then Host; a configured PUBLIC_URL overrides them all.
 *
 * Header values are accepted only when they are exactly a host name (or IP) with an optional port and a proto of
 * http or https: a forged header cannot put a path, credentials, a second URL or a line break into the link.
 */

interface HeaderSource {
  get(name: string): string | null
}

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?'
const HOST = new RegExp(`^(?:${LABEL}(?:\\.${LABEL})*|\\[[0-9a-f:.]+\\])(?::(\\d{1,5}))?$`, 'i')

/** The first value of a header that proxies may have appended to ("a, b"). */
function firstValue(headers: HeaderSource, name: string): string | undefined {
  const value = headers.get(name)
  return value?.split(',')[0]?.trim() || undefined
}

export function validHost(value: string | undefined): string | undefined {
  if (!value || value.length > 255) return undefined
  const match = HOST.exec(value)
  if (!match) return undefined
  if (match[1] !== undefined && Number(match[1]) > 65535) return undefined
  return value.toLowerCase()
}

function validProto(value: string | undefined): 'http' | 'https' | undefined {
  const proto = value?.toLowerCase()
  return proto === 'http' || proto === 'https' ? proto : undefined
}

/**
 * `publicUrl` is the configured PUBLIC_URL (already validated to an origin by the env schema); `fallbackPort`
 * names this server when no header does.
 */
export function publicOrigin(headers: HeaderSource, publicUrl: string | undefined, fallbackPort = 3000): string {
  if (publicUrl) return publicUrl
  const host = validHost(firstValue(headers, 'x-forwarded-host')) ?? validHost(firstValue(headers, 'host'))
  if (!host) return `http://localhost:${fallbackPort}`
  const proto = validProto(firstValue(headers, 'x-forwarded-proto')) ?? 'http'
  return `${proto}://${host}`
}
