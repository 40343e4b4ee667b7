#!/usr/bin/env bash
# Benchmark (not a test): cold `praefect-ctl reconfigure --dry-run` on the seed config, process
# start to exit, against `praefect-ctl --help` (same process start and CLI parse, no work) in the
# same run. Target: under 1 s. Usage: reconfigure-dry-run.sh [path/to/praefect-ctl]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../../.." && pwd)"
ctl="${1:-$repo/src/Praefect.Ctl/bin/Release/net10.0/praefect-ctl}"
[ -x "$ctl" ] || dotnet build "$repo/src/Praefect.Ctl" -c Release >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/gitlab.rb" <<'RB'
praefect['enable'] = true
praefect['virtual_storage_name'] = 'praefect'
praefect['auth_token'] = 'super_secret_abc'
praefect['storage_nodes'] = [
  { 'storage' => 'praefect-git-1', 'address' => 'tcp://praefect-git-1.internal', 'token' => 'token1', 'primary' => true },
  { 'storage' => 'praefect-git-2', 'address' => 'tcp://praefect-git-2.internal', 'token' => 'token2' },
  { 'storage' => 'praefect-git-3', 'address' => 'tcp://praefect-git-3.internal', 'token' => 'token3' },
]
RB
# Second case: an already rendered root, so the dry run also reads and compares every file.
"$ctl" reconfigure --config "$work/gitlab.rb" --root "$work/root" >/dev/null 2>&1
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs 20 -N \
    "$ctl --help" \
    "$ctl reconfigure --dry-run --config $work/gitlab.rb --root $work/empty" \
    "$ctl reconfigure --dry-run --config $work/gitlab.rb --root $work/root"
else
  for cmd in "--help" "reconfigure --dry-run --config $work/gitlab.rb --root $work/root"; do
    start=$(date +%s%N); for _ in $(seq 10); do $ctl $cmd >/dev/null 2>&1 || true; done; end=$(date +%s%N)
    echo "$cmd: $(( (end - start) / 10000000 )) ms per run"
  done
fi
