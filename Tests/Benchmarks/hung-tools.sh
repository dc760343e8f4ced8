#!/usr/bin/env bash
# Benchmark: how long a read-only command can block when a server it asks hangs.
#
#   Tests/Benchmarks/hung-tools.sh [SLIPWAY]
#
# On a demo workspace it makes each server hang in turn — the origin remote (its upload-pack sleeps), the
# environments repository, a helm cluster behind three environments (a helm that sleeps) and GitHub (a gh that
# sleeps) — and times every read-only command against it. Target: each command answers within 25 s of wall time
# (one 20 s deadline per hung server; later calls to the same server in that command are not made again).
# Prints one line per command with the figure, the target and the verdict; exits 1 when any misses the target.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$(dirname "$here")")
slipway=${1:-$root/.build/debug/slipway}
[ -x "$slipway" ] || { echo "build slipway first ($slipway is missing)" >&2; exit 2; }
target=25
work=$(mktemp -d "${TMPDIR:-/tmp}/slipway-hung.XXXXXX")
trap 'pkill -f "sleep 1001" >/dev/null 2>&1; rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 LANG=C.UTF-8 TZ=UTC
failed=0
worst=0

demo() { "$slipway" demo --dir "$work/$1" --no-console >/dev/null && echo "$work/$1/acme-web"; }

measure() { # label, directory, command...
  local label=$1 dir=$2; shift 2
  local start end seconds verdict
  start=$(date +%s.%N)
  (cd "$dir" && timeout 600 "$slipway" "$@" >/dev/null 2>&1)
  end=$(date +%s.%N)
  seconds=$(python3 -c "print(f'{$end - $start:.1f}')")
  if python3 -c "import sys; sys.exit(0 if $seconds <= $target else 1)"; then verdict=ok; else verdict=MISSED; failed=1; fi
  worst=$(python3 -c "print(max($worst, $seconds))")
  printf '%-34s %-28s %6.1f s  (target <= %d s)  %s\n' "$label" "slipway $*" "$seconds" "$target" "$verdict"
}

# 1. The origin remote hangs.
repo=$(demo origin)
"$slipway" env status --repo "$repo" >/dev/null 2>&1   # the environments clone exists before anything hangs
git -C "$repo" config remote.origin.uploadpack "sleep 1001; git-upload-pack"
git -C "$repo" config remote.origin.receivepack "sleep 1001; git-receive-pack"
for command in "release status" "hotfix status" "next-version" "changes" "audit" "env status" "env readiness production" "artefacts verify" "release publish-status"; do
  # shellcheck disable=SC2086
  measure "origin remote hangs" "$repo" $command
done

# 2. The environments repository hangs.
repo=$(demo envs)
"$slipway" env status --repo "$repo" >/dev/null 2>&1
for clone in "$repo"/.git/slipway/envs/*/; do git -C "$clone" config remote.origin.uploadpack "sleep 1001; git-upload-pack"; done
measure "environments repository hangs" "$repo" env status
measure "environments repository hangs" "$repo" env readiness production

# 3. helm hangs for three environments.
repo=$(demo helm)
mkdir -p "$work/bin"
printf '#!/bin/sh\nexec sleep 1001\n' > "$work/bin/helm"
printf '#!/bin/sh\nexec sleep 1001\n' > "$work/bin/gh"
chmod +x "$work/bin/helm" "$work/bin/gh"
cat > "$repo/.slipway.json" <<'JSON'
{"environments": [
  {"name": "test", "backend": {"kind": "helm", "kubeContext": "dev", "namespace": "web", "release": "web", "chart": "oci://registry.example.com/charts/web"}},
  {"name": "staging", "backend": {"kind": "helm", "kubeContext": "stage", "namespace": "web", "release": "web", "chart": "oci://registry.example.com/charts/web"}},
  {"name": "production", "backend": {"kind": "helm", "kubeContext": "prod", "namespace": "web", "release": "web", "chart": "oci://registry.example.com/charts/web"}}
]}
JSON
PATH="$work/bin:$PATH" measure "helm hangs (3 environments)" "$repo" env status
PATH="$work/bin:$PATH" measure "helm hangs (3 environments)" "$repo" env readiness production

# 4. GitHub hangs.
repo=$(demo github)
printf '{"forge": {"kind": "github"}}\n' > "$repo/.slipway.json"
PATH="$work/bin:$PATH" measure "gh hangs" "$repo" release status
PATH="$work/bin:$PATH" measure "gh hangs" "$repo" hotfix status
PATH="$work/bin:$PATH" measure "gh hangs" "$repo" release publish-status

echo "longest block of a read-only command on a hung tool: $worst s (target <= $target s)"
[ "$failed" -eq 0 ] && echo "verdict: every read-only command met the target" || echo "verdict: target MISSED"
exit "$failed"
