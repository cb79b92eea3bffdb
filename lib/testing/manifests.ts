/**
 * Manifests that tests start from, where the manifest is not the point (a test about a manifest's own lines keeps it
 * inline). Text only, nothing from node: the terminal harness (e2e/terminal-harness) bundles this for the browser.
 */

/** `web`: two replicas of nginx:1.27 labelled app: web (lists not indented under their key, as kubectl prints them). */
export const webDeploymentYaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`
