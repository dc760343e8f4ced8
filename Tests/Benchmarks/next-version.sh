#!/usr/bin/env bash
# Benchmark: `slipway next-version` against the bare `git log` that feeds it, on a 100,000-commit repository.
#
#   Tests/Benchmarks/next-version.sh [WORKDIR]
#
# WORKDIR (default: $TMPDIR/slipway-bench) caches the generated repository between runs.
# Environment: COMMITS (100000), RUNS (7), SLIPWAY (a built binary: skips the build),
#              SWIFT (the swift driver, default `swift`; on a shared machine e.g. SWIFT=/work/swiftlock),
#              COMPARE=1 to time git-cliff (`git-cliff --bumped-version`) and commitizen (`cz bump --dry-run`)
#              when they are on PATH (pip install git-cliff commitizen), COMPARE_RUNS times each (3).
# Prints the median of each, the ratio of `slipway next-version` to the bare log (target <= 1.3), the same for
# `--json` (every commit written out), and slipway's own peak memory (target < 100 MB).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
commits=${COMMITS:-100000}
runs=${RUNS:-7}
work=${1:-${TMPDIR:-/tmp}/slipway-bench}
repo="$work/history-$commits"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C TZ=UTC

# 1. The repository, built once with git fast-import.
if [ ! -f "$repo/.git/slipway-bench-complete" ]; then
  echo "building a $commits-commit repository in $repo ..." >&2
  rm -rf "$repo"
  mkdir -p "$work"
  git init -q -b main "$repo"
  python3 "$here/make-history.py" "$commits" | git -C "$repo" fast-import --quiet --done
  git -C "$repo" reset -q --hard main
  touch "$repo/.git/slipway-bench-complete"
fi

# 2. slipway, in release mode.
if [ -z "${SLIPWAY:-}" ]; then
  echo "building slipway (release) ..." >&2
  (cd "$root" && ${SWIFT:-swift} build -c release >"$work/build.log" 2>&1) || { tail -20 "$work/build.log" >&2; exit 1; }
  SLIPWAY="$root/.build/release/slipway"
fi

git_log() { git -C "$repo" log -z --format=%H%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%B v1.0.0..HEAD >/dev/null; }
# The same log read through a pipe by a consumer that does nothing (cat): the floor for any program that reads it.
git_pipe() { git -C "$repo" log -z --format=%H%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%B v1.0.0..HEAD | cat >/dev/null; }
slipway_next() { "$SLIPWAY" next-version --repo "$repo" --json >/dev/null; }
slipway_text() { "$SLIPWAY" next-version --repo "$repo" >/dev/null; }

now_ns() { date +%s%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# Milliseconds one run of the command takes (its output discarded).
time_ms() { local start end; start=$(now_ns); "$@" >/dev/null; end=$(now_ns); echo $(( (end - start) / 1000000 )); }

# One warm-up each (page cache), then alternate so that all see the same machine.
git_log; slipway_next
: >"$work/git.times"; : >"$work/slipway.times"; : >"$work/text.times"; : >"$work/pipe.times"
for _ in $(seq "$runs"); do
  time_ms git_log >>"$work/git.times"
  time_ms git_pipe >>"$work/pipe.times"
  time_ms slipway_next >>"$work/slipway.times"
  time_ms slipway_text >>"$work/text.times"
done
git_ms=$(median <"$work/git.times")
slipway_ms=$(median <"$work/slipway.times")
text_ms=$(median <"$work/text.times")
pipe_ms=$(median <"$work/pipe.times")

# Peak resident memory of slipway itself, as it reports it (VmHWM): `time -f %M` would count its git child too.
peak_kb=$(SLIPWAY_PEAK_MEMORY=1 "$SLIPWAY" next-version --repo "$repo" 2>&1 >/dev/null | sed -n 's/^slipway: peak memory \([0-9]*\) kB$/\1/p')
peak_json_kb=$(SLIPWAY_PEAK_MEMORY=1 "$SLIPWAY" next-version --repo "$repo" --json 2>&1 >/dev/null | sed -n 's/^slipway: peak memory \([0-9]*\) kB$/\1/p')

count=$(git -C "$repo" rev-list --count v1.0.0..HEAD)
echo "repository:        $repo ($count commits since v1.0.0)"
echo "git log -z median: $git_ms ms   (runs: $(tr '\n' ' ' <"$work/git.times"))"
echo "slipway median:    $text_ms ms   (runs: $(tr '\n' ' ' <"$work/text.times"))  next-version"
awk -v s="$text_ms" -v g="$git_ms" 'BEGIN { printf "ratio:             %.2f   (target <= 1.30)\n", s / g }'
echo "with --json:       $slipway_ms ms   (runs: $(tr '\n' ' ' <"$work/slipway.times"))  all $count commits written out"
awk -v s="$slipway_ms" -v g="$git_ms" 'BEGIN { printf "ratio (--json):    %.2f\n", s / g }'
awk -v k="$peak_kb" -v j="$peak_json_kb" 'BEGIN { printf "slipway peak RSS:  %.1f MB, %.1f MB with --json   (target < 100 MB)\n", k / 1024, j / 1024 }'
echo "git log | cat:     $pipe_ms ms   (runs: $(tr '\n' ' ' <"$work/pipe.times"))  the floor for a reader of the pipe"
awk -v s="$text_ms" -v p="$pipe_ms" 'BEGIN { printf "slipway / piped:   %.2f\n", s / p }'
failed=0
awk -v s="$text_ms" -v g="$git_ms" 'BEGIN { exit !(s / g <= 1.30) }' || { echo "ratio: target MISSED"; failed=1; }
awk -v k="$peak_kb" -v j="$peak_json_kb" 'BEGIN { exit !(k < 102400 && j < 102400) }' || { echo "peak memory: target MISSED"; failed=1; }
[ "$failed" -eq 0 ] && echo "verdict: every target met" || echo "verdict: target MISSED"

# 3. Optional: the same question asked of git-cliff and commitizen.
if [ "${COMPARE:-0}" = 1 ]; then
  compare_runs=${COMPARE_RUNS:-3}
  compare() {
    local name=$1; shift
    : >"$work/$name.times"
    for _ in $(seq "$compare_runs"); do time_ms "$@" >>"$work/$name.times"; done
    printf '%-18s %s ms   (runs: %s)  answer: %s\n' "$name median:" "$(median <"$work/$name.times")" \
      "$(tr '\n' ' ' <"$work/$name.times")" "$("$@" | tr '\n' ' ' | cut -c1-60)"
  }
  cliff() { (cd "$repo" && git-cliff --bumped-version 2>/dev/null) || echo "git-cliff failed"; }
  cz_bump() { (cd "$repo" && cz bump --dry-run --yes 2>/dev/null | grep '^bump:') || echo "cz failed"; }
  if command -v git-cliff >/dev/null; then compare git-cliff cliff; else echo "git-cliff: not on PATH"; fi
  if command -v cz >/dev/null; then
    # commitizen needs its version in a config file: one in the repository for the time of the runs.
    printf '[tool.commitizen]\nname = "cz_conventional_commits"\nversion = "1.0.0"\ntag_format = "v$version"\n' >"$repo/.cz.toml"
    compare commitizen cz_bump
    rm -f "$repo/.cz.toml"
  else
    echo "commitizen (cz): not on PATH"
  fi
fi
exit "$failed"
