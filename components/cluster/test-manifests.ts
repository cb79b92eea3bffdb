/** Manifests shared by the cluster-view tests: small, and each showing one behaviour. */
export function deployment(name: string, image: string, replicas = 3, extra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
      - name: app
        image: ${image}
${extra}`
}

export function service(name: string, port = 80): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: { app: ${name} }
  ports:
  - port: ${port}
`
}

export function pod(name: string, image: string, extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: app
    image: ${image}
${extra}`
}
