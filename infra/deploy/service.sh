#!/bin/sh
# The image's entry point: `gateway`, or a subgraph's name, then its arguments (`migrate`).
set -eu
service="${1:-}"
[ $# -gt 0 ] && shift
case "$service" in
  gateway) exec node /app/gateway/dist/main.js "$@" ;;
  catalogue | requests | ordering | incidents | consumption) exec node "/app/subgraphs/$service/dist/main.js" "$@" ;;
  *)
    echo "usage: nuage-service gateway | catalogue | requests | ordering | incidents | consumption [migrate]" >&2
    exit 64
    ;;
esac
