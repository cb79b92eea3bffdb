/**
 * Seeded pseudo-random numbers (sfc32). The state is four uint32 numbers kept in the cluster state, so a
 * snapshot of the cluster carries its random stream and the same seed always gives the same choices.
 */
export interface RngState {
  s: [number, number, number, number]
}

export function seedRng(seed: number): RngState {
  // splitmix32 spreads a small integer seed over the four words.
  let x = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0
  const next = (): number => {
    x = (x + 0x9e3779b9) >>> 0
    let z = x
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  const rng: RngState = { s: [next(), next(), next(), next()] }
  for (let i = 0; i < 12; i++) nextUint32(rng)
  return rng
}

export function nextUint32(rng: RngState): number {
  // indexed reads, not destructuring: this runs for every random choice and must not allocate
  const s = rng.s
  const a = s[0]
  const b = s[1]
  const c = s[2]
  const d = s[3]
  const t = (((a + b) >>> 0) + d) >>> 0
  s[0] = (b ^ (b >>> 9)) >>> 0
  s[1] = (c + (c << 3)) >>> 0
  s[2] = ((((c << 21) | (c >>> 11)) >>> 0) + t) >>> 0
  s[3] = (d + 1) >>> 0
  return t
}

/** Uniform float in [0, 1). */
export function nextFloat(rng: RngState): number {
  return nextUint32(rng) / 4294967296
}

/** Uniform integer in [0, n). */
export function nextInt(rng: RngState, n: number): number {
  return Math.floor(nextFloat(rng) * n)
}

/** The alphabet of apimachinery's rand.String (no vowels, no confusable characters). */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

export function randomString(rng: RngState, length: number, alphabet = NAME_ALPHABET): string {
  const codes: number[] = []
  for (let i = 0; i < length; i++) codes.push(alphabet.charCodeAt(nextInt(rng, alphabet.length)))
  // one flat string (no rope of single characters kept alive in every pod name)
  return String.fromCharCode(...codes)
}

/** A version-4 UUID made from the seeded stream. */
export function randomUid(rng: RngState): string {
  const hex = (n: number): string => n.toString(16).padStart(8, '0')
  const a = hex(nextUint32(rng))
  const b = hex(nextUint32(rng))
  const c = hex(nextUint32(rng))
  const d = hex(nextUint32(rng))
  const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16)
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`
}
