#!/usr/bin/env bash
# Benchmark: a large push and clone through gitaly-lite's bridge (git -> bridge -> gRPC -> node -> git)
# against the same push/clone over git's local transport (the baseline), in the same run.
# Prints times, ratios, bridge round-trip latency, and the node's peak memory (it must stay flat:
# packs are streamed, never buffered).
# Usage: tests/GitalyLite.Tests/Benchmarks/push-throughput.sh [SIZE_MB] [CONFIGURATION]
set -euo pipefail
size_mb="${1:-100}"
configuration="${2:-Release}"
root="$(cd "$(dirname "$0")/../../.." && pwd)"
exe="$root/src/GitalyLite/bin/$configuration/net10.0/gitaly-lite"
[ -x "$exe" ] || { echo "build first: dotnet build Praefect.sln -c $configuration" >&2; exit 1; }

work="$(mktemp -d)"
node_pid=""
cleanup() { [ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@b GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@b

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
GITALY_LITE_TOKEN=bench "$exe" serve --listen "127.0.0.1:$port" --storage "default=$work/storage" >"$work/node.log" 2>&1 &
node_pid=$!
for _ in $(seq 1 300); do grep -q '"EventId":6' "$work/node.log" 2>/dev/null && break; sleep 0.1; done

git init -q -b main "$work/source"
head -c "$((size_mb * 1000 * 1000))" /dev/urandom >"$work/source/blob.bin"
git -C "$work/source" add blob.bin && git -C "$work/source" commit -qm "$size_mb MB"
git init -q --bare "$work/storage/bench.git"
git init -q --bare "$work/local.git"

bridge_env() {
  env GIT_SSH_COMMAND="'$exe' ssh $1" GIT_SSH_VARIANT=simple GITALY_ADDRESS="tcp://127.0.0.1:$port" GITALY_TOKEN=bench \
      GITALY_PAYLOAD='{"repository":{"storage_name":"default","relative_path":"bench.git"}}' "${@:2}"
}
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); echo "$end - $start" | bc; }

push_bridge=$(seconds bridge_env receive-pack git -C "$work/source" push -q ssh://gitaly/bench.git main)
push_local=$(seconds git -C "$work/source" push -q "$work/local.git" main)
clone_bridge=$(seconds bridge_env upload-pack git clone -q --bare ssh://gitaly/bench.git "$work/clone-bridge.git")
clone_local=$(seconds git clone -q --bare --no-local "$work/local.git" "$work/clone-local.git")
lsremote_bridge=$(seconds bridge_env upload-pack git ls-remote ssh://gitaly/bench.git)
lsremote_local=$(seconds git ls-remote "$work/local.git")
peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$node_pid/status")

[ "$(git -C "$work/clone-bridge.git" rev-parse main)" = "$(git -C "$work/source" rev-parse main)" ] || { echo "clone mismatch" >&2; exit 1; }
printf 'push %s MB:  bridge %.2f s, local %.2f s, ratio %.2f\n' "$size_mb" "$push_bridge" "$push_local" "$(echo "$push_bridge / $push_local" | bc -l)"
printf 'clone %s MB: bridge %.2f s, local %.2f s, ratio %.2f\n' "$size_mb" "$clone_bridge" "$clone_local" "$(echo "$clone_bridge / $clone_local" | bc -l)"
printf 'ls-remote:   bridge %.3f s, local %.3f s, ratio %.2f\n' "$lsremote_bridge" "$lsremote_local" "$(echo "$lsremote_bridge / $lsremote_local" | bc -l)"
printf 'node peak RSS: %s MB (pack size %s MB)\n' "$((peak_kb / 1024))" "$size_mb"
