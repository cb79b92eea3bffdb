/**
 * The simulator's Web Worker: one lib/sim Cluster, off the main thread, answering the requests of
 * use-simulator.ts (see protocol.ts). Messages are handled one at a time, in the order they were posted.
 */
import type { SimRequest } from './protocol'
import { createSimHost, respond } from './sim-host'

const host = createSimHost()
// Typed by hand: the webworker lib would clash with the DOM lib the rest of the project compiles against.
const scope = self as unknown as { onmessage: ((event: MessageEvent<SimRequest>) => void) | null; postMessage(message: unknown): void }

scope.onmessage = (event: MessageEvent<SimRequest>) => {
  scope.postMessage(respond(host, event.data))
}
