/**
 * A password for an account made on the command line without one: 4 groups of 5 characters from 56 letters
 * and digits without look-alikes (no 0/O, 1/l/I), about 116 bits, read aloud or typed from a screen.
 */
import { randomInt } from 'node:crypto'

const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

export function generatePassword(groups = 4, size = 5): string {
  return Array.from({ length: groups }, () => Array.from({ length: size }, () => alphabet[randomInt(alphabet.length)]).join('')).join('-')
}
