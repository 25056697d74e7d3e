#!/usr/bin/env bash
# `npm run test:interop`: the interop cases only (see scripts/interop/run-all.sh for the options).
exec bash "$(dirname "$0")/../../scripts/interop/run-all.sh" "$@"
