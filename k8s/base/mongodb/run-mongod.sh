#!/bin/bash
# Runs mongod as a member of the replica set $MONGODB_REPLICA_SET, with keyfile authentication.
#
# On member 0 of a new set it also initiates the set (with itself only) and creates the administrator, both through
# MongoDB's localhost exception: until the first user exists, only a connection from inside this pod may do either.
# The mongodb-init Job then adds the other members and the per-database users as that administrator.
set -euo pipefail

mongod --replSet "$MONGODB_REPLICA_SET" --bind_ip_all --port 27017 --dbpath /data/db \
  --keyFile /var/run/mongodb/keyfile --wiredTigerCacheSizeGB "$MONGODB_CACHE_GB" &
mongod_pid=$!
# Kubernetes stops the pod with SIGTERM: pass it on and let mongod step down and shut down cleanly.
trap 'kill -TERM "$mongod_pid"; wait "$mongod_pid"; exit $?' TERM INT

if [ "${HOSTNAME##*-}" = "0" ]; then
  until mongosh --quiet --norc --eval 'db.adminCommand({ ping: 1 }).ok' >/dev/null 2>&1; do
    kill -0 "$mongod_pid" 2>/dev/null || { echo "mongod exited before it answered" >&2; wait "$mongod_pid"; exit 1; }
    sleep 1
  done
  if ! mongosh --quiet --norc --file /opt/mongodb-scripts/first-member.js; then
    echo "setting up the first member failed (see above); stopping so that the pod starts again" >&2
    kill -TERM "$mongod_pid"
    wait "$mongod_pid" || true
    exit 1
  fi
fi

wait "$mongod_pid"
