#!/usr/bin/env bash
# Regenerates the kubectl-made fixtures: `bash lib/k8s/testdata/kubectl/regenerate.sh` from the repo root.
# `kubectl run` needs API discovery even with --dry-run=client, so a tiny local stub answers it (no cluster).
set -euo pipefail
cd "$(dirname "$0")"
node discovery-stub.mjs & stub=$!
trap 'kill $stub' EXIT
sleep 0.5
k() { kubectl --server=http://127.0.0.1:18091 "$@"; }
k create deployment web --image=nginx:1.27 --dry-run=client -o yaml > deployment-web.yaml
k create deployment api --image=nginx --replicas=3 --port=8080 --dry-run=client -o yaml > deployment-api-replicas-port.yaml
k create deployment multi --image=nginx:1.27 --image=busybox:1.36 --dry-run=client -o yaml > deployment-multi-container.yaml
k run web --image=nginx:1.27 --dry-run=client -o yaml > pod-web.yaml
k run tools --image=busybox:1.36 --restart=Never --labels=app=tools,tier=debug --env=MODE=test --port=8080 --dry-run=client -o yaml -- sleep 3600 > pod-tools-never.yaml
k run once --image=busybox --restart=OnFailure --dry-run=client -o yaml -- echo hi > pod-onfailure.yaml
k create service clusterip web --tcp=80:8080 --dry-run=client -o yaml > service-clusterip.yaml
k create service clusterip headless --clusterip=None --dry-run=client -o yaml > service-headless.yaml
k create service nodeport web-np --tcp=80:8080 --node-port=30080 --dry-run=client -o yaml > service-nodeport.yaml
k create service loadbalancer web-lb --tcp=80:8080 --tcp=443:8443 --dry-run=client -o yaml > service-loadbalancer-two-ports.yaml
k create service externalname db --external-name=db.example.com --dry-run=client -o yaml > service-externalname.yaml
k create namespace shop --dry-run=client -o yaml > namespace-shop.yaml
echo "regenerated $(ls *.yaml | wc -l) fixtures with $(kubectl version --client | head -1)"
