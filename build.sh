#!/usr/bin/env bash
# The one entry point of the build: ./build.sh <target> [cake options]
# Targets: bootstrap, build, test, publish, package, demo (see build.cake).
set -euo pipefail
cd "$(dirname "$0")"
target="${1:-build}"
shift || true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null
exec dotnet cake build.cake --target="$target" "$@"
