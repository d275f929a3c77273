#!/usr/bin/env bash
# Creates the Secrets an overlay expects, with random values, in the given namespace; a Secret that exists already is
# left alone (so running it again never changes a password). Nothing is written to disk or printed.
#
#   k8s/create-secrets.sh p2p-supervision-staging
#
# Production may use it as well, or create the same Secrets from its own secret store (docs/deployment.md lists them).
# Needs kubectl (with access to the cluster) and openssl.
set -euo pipefail

namespace="${1:?usage: $0 <namespace>}"

# hex only: the MongoDB passwords are written into connection URIs
random() { openssl rand -hex 24; }

create() { # name key=value...
  local name="$1"
  shift
  if kubectl -n "$namespace" get secret "$name" >/dev/null 2>&1; then
    echo "secret/$name exists: left as it is"
    return
  fi
  local args=()
  for pair in "$@"; do
    args+=("--from-literal=$pair")
  done
  kubectl -n "$namespace" create secret generic "$name" "${args[@]}" >/dev/null
  echo "secret/$name created"
}

kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace"

# MongoDB: the members' shared key, the administrator, one user per context database and the backup user
create mongodb-keyfile "keyfile=$(openssl rand -base64 756 | tr -d '\n')"
create mongodb-admin "password=$(random)"
create mongodb-users "registry-password=$(random)" "classification-password=$(random)" \
  "acceptance-password=$(random)" "incident-password=$(random)" "backup-password=$(random)"

# Keycloak: its database, the temporary administrator of the first start, and the clients' secrets
create keycloak-db "username=keycloak" "password=$(random)"
create keycloak-bootstrap-admin "username=bootstrap-admin" "password=$(random)"
create platform-services-client "client-secret=$(random)"
create keycloak-clients "portal=$(random)" "agency-public-security=$(random)" "agency-telecom=$(random)" \
  "agency-market-regulation=$(random)" "agency-central-bank=$(random)"
