#!/usr/bin/env bash
# Runs only the interop cases (test/interop) by hand, against the peers of ../shared/interop/peers.
#   scripts/interop/run-all.sh [name-regex]        e.g. scripts/interop/run-all.sh 'ChaCha20|Retry'
# env: INTEROP_WORKDIR  work dir prepared by the kit's setup.sh (default: $WORKDIR; if neither is set,
#                       a fresh one is prepared with setup.sh, which may apt-get the ngtcp2 peers)
#      NO_BUILD=1       skip `npm run build` (use the dist/ that is there)
#      INTEROP_KEEP_LOGS=1  keep each case's log dir (/tmp/tswt-interop-*) even when it passes
# A failing case prints the tails of every peer's log and keeps its log dir.
set -euo pipefail
cd "$(dirname "$0")/../.."
KIT="$(pwd)/../shared/interop/peers"

export INTEROP_WORKDIR="${INTEROP_WORKDIR:-${WORKDIR:-}}"
if [[ -z $INTEROP_WORKDIR ]]; then
  INTEROP_WORKDIR="$(mktemp -d /tmp/tswt-interop-work.XXXXXX)"
  echo "== preparing peers in $INTEROP_WORKDIR (export INTEROP_WORKDIR=$INTEROP_WORKDIR to reuse it)"
  WORKDIR="$INTEROP_WORKDIR" bash "$KIT/setup.sh"
fi

if [[ -z ${NO_BUILD:-} ]]; then npm run build; fi

args=(--test --test-concurrency=1)
if (($#)); then args+=(--test-name-pattern="$1"); fi
exec node "${args[@]}" dist/test/interop/
