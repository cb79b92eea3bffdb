/**
 * Prometheus metrics of this instance (lib/server/observability/metrics.ts). With METRICS_TOKEN set, only for
 * `Authorization: Bearer <token>` (Prometheus's `authorization` / `bearer_token_file`); otherwise open, so keep it
 * off the public Ingress or set the token (README, Operating).
 */
import { env } from '@/lib/server/env'
import { bearerMatches } from '@/lib/server/http/bearer'
import { metrics } from '@/lib/server/observability/metrics'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  const token = env().METRICS_TOKEN
  if (token && !bearerMatches(request.headers.get('authorization'), token)) {
    return Response.json(
      { error: 'unauthorized', message: 'The metrics need Authorization: Bearer <METRICS_TOKEN>.' },
      { status: 401, headers: { 'www-authenticate': 'Bearer realm="kubelab-metrics"', 'cache-control': 'no-store' } },
    )
  }
  const { registry } = metrics()
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } })
}
