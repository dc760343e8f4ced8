#!/usr/bin/env bash
# Benchmark: `slipway packages --json` against the one `git log --name-only` pass it makes, on a generated
# monorepo of 200 npm workspace packages and 100,000 commits (every package tagged NAME@1.0.0 half-way).
#
#   Tests/Benchmarks/packages.sh [WORKDIR]
#
# Environment: PACKAGES (200), COMMITS (100000), RUNS (5), SLIPWAY (a built binary: skips the release build).
# Prints the medians, the ratio (target <= 1.5) and the verdict; exits 1 when the target is missed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$(dirname "$here")")
packages=${PACKAGES:-200}
commits=${COMMITS:-100000}
runs=${RUNS:-5}
work=${1:-${TMPDIR:-/tmp}/slipway-bench}
repo="$work/monorepo-$packages-$commits"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C TZ=UTC

if [ ! -f "$repo/.git/slipway-bench-complete" ]; then
  echo "building a $packages-package, $commits-commit monorepo in $repo ..." >&2
  rm -rf "$repo"
  mkdir -p "$work"
  git init -q -b main "$repo"
  python3 "$here/make-monorepo.py" "$packages" "$commits" | git -C "$repo" fast-import --quiet --done
  git -C "$repo" reset -q --hard main
  touch "$repo/.git/slipway-bench-complete"
fi
if [ -z "${SLIPWAY:-}" ]; then
  echo "building slipway (release) ..." >&2
  (cd "$root" && swift build -c release >"$work/build.log" 2>&1) || { tail -20 "$work/build.log" >&2; exit 1; }
  SLIPWAY="$root/.build/release/slipway"
fi

# The pass slipway makes: since the packages' common release, with file names.
base=$(git -C "$repo" rev-parse p000@1.0.0^{commit})
git_pass() { git -C "$repo" log -z --no-color --encoding=UTF-8 --name-only --no-renames \
  '--format=%x1e%m%x1f%H%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%B' HEAD "^$base" -- >/dev/null; }
slipway_packages() { "$SLIPWAY" packages --repo "$repo" --json >/dev/null; }
now_ns() { date +%s%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
time_ms() { local start end; start=$(now_ns); "$@"; end=$(now_ns); echo $(( (end - start) / 1000000 )); }

git_pass; slipway_packages
: >"$work/pkg-git.times"; : >"$work/pkg-slipway.times"
for _ in $(seq "$runs"); do
  time_ms git_pass >>"$work/pkg-git.times"
  time_ms slipway_packages >>"$work/pkg-slipway.times"
done
git_ms=$(median <"$work/pkg-git.times")
slipway_ms=$(median <"$work/pkg-slipway.times")
peak_kb=$(SLIPWAY_PEAK_MEMORY=1 "$SLIPWAY" packages --repo "$repo" --json 2>&1 >/dev/null | sed -n 's/^slipway: peak memory \([0-9]*\) kB$/\1/p')
found=$("$SLIPWAY" packages --repo "$repo" --json | grep -c '"name"')
echo "repository:              $repo ($packages packages, $commits commits; $found packages found)"
echo "git log --name-only:     $git_ms ms   (runs: $(tr '\n' ' ' <"$work/pkg-git.times"))"
echo "slipway packages --json: $slipway_ms ms   (runs: $(tr '\n' ' ' <"$work/pkg-slipway.times"))"
echo "slipway peak RSS:        $((peak_kb / 1024)) MB"
ratio=$(awk -v s="$slipway_ms" -v g="$git_ms" 'BEGIN { printf "%.2f", s / g }')
echo "ratio:                   $ratio   (target <= 1.5)"
if awk -v r="$ratio" 'BEGIN { exit !(r <= 1.5) }'; then echo "verdict: target met"; else echo "verdict: target MISSED"; exit 1; fi
