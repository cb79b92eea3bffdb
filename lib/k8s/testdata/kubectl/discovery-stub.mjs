// Minimal discovery endpoints so `kubectl run --dry-run=client` can resolve the pods resource offline.
import http from 'node:http'
const routes = {
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] },
  '/api/v1': { kind: 'APIResourceList', groupVersion: 'v1', resources: [
    { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['create', 'get', 'list'], shortNames: ['po'] },
    { name: 'services', singularName: 'service', namespaced: true, kind: 'Service', verbs: ['create', 'get', 'list'], shortNames: ['svc'] } ] },
  '/apis': { kind: 'APIGroupList', apiVersion: 'v1', groups: [] },
  '/version': { major: '1', minor: '32', gitVersion: 'v1.32.4' },
}
http.createServer((req, res) => {
  const path = req.url.split('?')[0]
  const body = routes[path]
  res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body ?? { kind: 'Status', status: 'Failure', code: 404 }))
}).listen(18091, '127.0.0.1')
