/**
 * The built-in image catalogue: which images and tags "exist in the registry", how big they are (pull time),
 * what their default command is and what the program serves. Anything else fails to pull, as a typo'd tag
 * would on a real cluster.
 */

export type AppKind = 'nginx' | 'httpd' | 'redis' | 'hello' | 'kubelab' | 'stress' | 'shell'

export interface ImageInfo {
  /** canonical reference, e.g. docker.io/library/nginx:1.27 */
  canonical: string
  repository: string
  tag: string
  sizeBytes: number
  /** default ENTRYPOINT and CMD */
  entrypoint: string[]
  cmd: string[]
  app: AppKind
  /** the binaries on PATH that the shell understands */
  tools: Set<string>
  hasShell: boolean
  version: string
  digest: string
}

interface RepoSpec {
  repository: string
  tags: Record<string, number>
  /** every valid tag exists, this size in MB (an image its users build and tag themselves) */
  anyTag?: number
  entrypoint: string[]
  cmd: string[]
  app: AppKind
  tools: string[]
  hasShell: boolean
}

const SHELL_TOOLS = [
  'sh',
  'echo',
  'sleep',
  'true',
  'false',
  'exit',
  'touch',
  'rm',
  'cat',
  'tail',
  'mkdir',
  'date',
  'hostname',
  'env',
  'printenv',
  'ls',
  'wget',
]
const MB = 1_000_000

const REPOS: Record<string, RepoSpec> = {
  nginx: {
    repository: 'docker.io/library/nginx',
    tags: {
      '1.25': 70.5,
      '1.25.5': 70.5,
      '1.25-alpine': 19.2,
      '1.26': 72.1,
      '1.26.3': 72.1,
      '1.26-alpine': 20.3,
      '1.27': 72.9,
      '1.27.4': 72.9,
      '1.27-alpine': 20.8,
      '1.28': 72.4,
      '1.28.0': 72.4,
      '1.28-alpine': 21.0,
      latest: 72.4,
      stable: 72.4,
      mainline: 72.4,
      alpine: 21.0,
    },
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    app: 'nginx',
    tools: [...SHELL_TOOLS, 'curl', 'nginx'],
    hasShell: true,
  },
  httpd: {
    repository: 'docker.io/library/httpd',
    tags: { '2.4': 58.1, '2.4.62': 58.1, '2.4-alpine': 22.4, alpine: 22.4, latest: 58.1 },
    entrypoint: [],
    cmd: ['httpd-foreground'],
    app: 'httpd',
    tools: [...SHELL_TOOLS, 'httpd-foreground'],
    hasShell: true,
  },
  busybox: {
    repository: 'docker.io/library/busybox',
    tags: { '1.36': 2.2, '1.36.1': 2.2, '1.37': 2.2, '1.37.0': 2.2, latest: 2.2, stable: 2.2 },
    entrypoint: [],
    cmd: ['sh'],
    app: 'shell',
    tools: SHELL_TOOLS,
    hasShell: true,
  },
  redis: {
    repository: 'docker.io/library/redis',
    tags: { '7': 45.6, '7.2': 45.6, '7.4': 46.9, '7-alpine': 17.1, '7.4-alpine': 17.1, alpine: 17.1, latest: 46.9 },
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    app: 'redis',
    tools: [...SHELL_TOOLS, 'redis-server', 'redis-cli'],
    hasShell: true,
  },
  'kubelab/hello': {
    repository: 'docker.io/kubelab/hello',
    tags: { '1.0': 9.8, '2.0': 9.9, '3.0': 10.1, latest: 10.1, broken: 9.9, slow: 9.9, unhealthy: 9.9 },
    entrypoint: ['/hello'],
    cmd: [],
    app: 'hello',
    tools: ['/hello', 'hello'],
    hasShell: false,
  },
  // stress 1.0.4 on Alpine, the image of the upstream docs' memory examples: `stress --vm 1 --vm-bytes 150M`
  // allocates and touches 150 MiB (apps.ts stressProgram). Without hogs it prints its usage and ends.
  'polinux/stress': {
    repository: 'docker.io/polinux/stress',
    tags: { latest: 4.1, '1.0.4': 4.1 },
    entrypoint: [],
    cmd: ['stress'],
    app: 'stress',
    tools: [...SHELL_TOOLS, 'stress'],
    hasShell: true,
  },
  // Kubelab itself (the Dockerfile's image, `docker build -t kubelab:<version> .`), so deploy/kubernetes can be
  // rolled out here: Next's server on :3000 with /api/health and /api/ready (ADR 0016). Any tag is a version;
  // `unready` never gets ready (its /api/ready answers 503, as with a migration that was never applied).
  kubelab: {
    repository: 'docker.io/library/kubelab',
    tags: {},
    anyTag: 62.0,
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['node', 'server.js'],
    app: 'kubelab',
    // node:20-bookworm-slim has coreutils' sleep: deploy/kubernetes/deployment.yaml's preStop hook runs it
    tools: ['node', 'sleep'],
    hasShell: false,
  },
}

export interface ImageRef {
  repository: string
  /** registry-less short name used to look the repository up */
  short: string
  tag: string
  digest?: string
}

const NAME_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const TAG = /^[\w][\w.-]{0,127}$/

/** Parses an image reference like docker's reference.ParseNormalizedNamed; undefined when invalid. */
export function parseImageRef(image: string): ImageRef | undefined {
  if (!image || image !== image.trim()) return undefined
  let rest = image
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!/^sha256:[a-f0-9]{64}$/.test(digest)) return undefined
  }
  let tag = ''
  const slash = rest.lastIndexOf('/')
  const colon = rest.lastIndexOf(':')
  if (colon > slash) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!TAG.test(tag)) return undefined
  }
  const parts = rest.split('/')
  let registry = 'docker.io'
  if (parts.length > 1 && (parts[0]!.includes('.') || parts[0]!.includes(':') || parts[0] === 'localhost')) registry = parts.shift()!
  if (parts.length === 0 || !parts.every((p) => NAME_COMPONENT.test(p))) return undefined
  let path = parts.join('/')
  if (registry === 'docker.io' && parts.length === 1) path = `library/${path}`
  const short = registry === 'docker.io' ? path.replace(/^library\//, '') : `${registry}/${path}`
  return { repository: `${registry}/${path}`, short, tag: tag || (digest ? '' : 'latest'), digest }
}

function fakeDigest(text: string): string {
  // FNV-1a expanded to 64 hex characters: stable per image, not a real digest.
  let out = ''
  let h = 0x811c9dc5
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i) + round
      h = Math.imul(h, 0x01000193) >>> 0
    }
    out += h.toString(16).padStart(8, '0')
  }
  return `sha256:${out}`
}

const cache = new Map<string, ImageInfo | null>()

/** The catalogue entry for an image reference, or null when the registry would answer "not found". */
export function lookupImage(image: string): ImageInfo | null {
  const hit = cache.get(image)
  if (hit !== undefined) return hit
  const ref = parseImageRef(image)
  let info: ImageInfo | null = null
  const spec = ref ? REPOS[ref.short] : undefined
  if (ref && spec && (ref.tag === '' || spec.tags[ref.tag] !== undefined || spec.anyTag !== undefined)) {
    const tag = ref.tag || 'latest'
    const version = ref.short === 'kubelab/hello' ? (/^\d/.test(tag) ? tag : tag === 'latest' ? '3.0' : '2.0') : tag
    info = {
      canonical: `${spec.repository}:${tag}`,
      repository: spec.repository,
      tag,
      sizeBytes: Math.round((spec.tags[tag] ?? spec.anyTag ?? 10) * MB),
      entrypoint: spec.entrypoint,
      cmd: spec.cmd,
      app: spec.app,
      tools: new Set(spec.tools),
      hasShell: spec.hasShell,
      version,
      digest: fakeDigest(`${spec.repository}:${tag}`),
    }
  }
  cache.set(image, info)
  return info
}

/** Registry round-trip plus download at ~25 MB/s: nginx:1.27 ≈ 3.4 s, busybox ≈ 0.6 s. */
export function pullDurationMs(info: ImageInfo | null): number {
  if (!info) return 1200
  return 500 + Math.round((info.sizeBytes / MB) * 40)
}
