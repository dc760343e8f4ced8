#!/usr/bin/env bash
# Benchmark: the console's two targets, in a release build.
#
#   Tests/Benchmarks/console.sh [WORKDIR]
#
# 1. Key to frame with 10,000 commits in the Changes list (reduce + render + diff, in process): target 16 ms;
#    and while typing a filter over 100,000 commits (the scan runs off the UI thread, timed beside): 16 ms.
# 2. Start to the first full frame on a 100,000-commit repository, through tmux (the frame is drawn before the
#    history is read): target 50 ms. The repository is the one next-version.sh builds (WORKDIR shared with it).
# 3. Start to the first Changes rows on it (the newest commits, shown while the range is still walked): target
#    50 ms (tig shows its first rows in 30-70 ms here); and to the grouped list with the version, for reference.
# Environment: SWIFT (the swift driver, default `swift`; on a shared machine e.g. SWIFT=/work/swiftlock),
#              SLIPWAY (a built release binary: skips the build), RUNS (7), WAIT (seconds a frame may take, 10).
# Prints each figure beside its target and the verdict; exits 1 when a target is missed or a frame never comes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${1:-${TMPDIR:-/tmp}/slipway-bench}
runs=${RUNS:-7}
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C TZ=UTC
mkdir -p "$work"

# 1. In-process key-to-frame, from the console's own benchmark tests (release build).
(cd "$root" && ${SWIFT:-swift} test -c release --filter ConsoleBenchmarkTests >"$work/console-bench.log" 2>&1) \
  || { tail -20 "$work/console-bench.log" >&2; exit 1; }
key=$(grep -o 'key to frame with 10,000 commits at 120x40: [0-9.e-]* seconds' "$work/console-bench.log" | awk '{print $(NF-1)}')
filter=$(grep -o 'filter over 10,000 commits: [0-9.e-]* seconds' "$work/console-bench.log" | awk '{print $(NF-1)}')
typing=$(grep -o 'key to frame while filtering 100,000 commits at 120x40: [0-9.e-]* seconds' "$work/console-bench.log" | awk '{print $(NF-1)}')
scan=$(grep -o 'one filter scan over 100,000 commits (off the UI thread): [0-9.e-]* seconds' "$work/console-bench.log" | awk '{print $(NF-1)}')
[ -n "$key" ] || { echo "the console benchmark test printed no key-to-frame figure (see $work/console-bench.log)" >&2; exit 1; }
awk -v k="$key" 'BEGIN { printf "key to frame (10,000 commits, 120x40): %.2f ms   (target <= 16 ms)\n", k * 1000 }'
awk -v f="$filter" 'BEGIN { printf "typing an 8-letter filter (10,000 commits): %.1f ms in all\n", f * 1000 }'
awk -v t="$typing" 'BEGIN { printf "key to frame while typing a filter (100,000 commits): %.2f ms   (target <= 16 ms)\n", t * 1000 }'
awk -v s="$scan" 'BEGIN { printf "the filter scan behind it (100,000 commits, off the UI thread): %.1f ms\n", s * 1000 }'
failed=0
if ! awk -v k="$key" 'BEGIN { exit !(k * 1000 <= 16) }'; then echo "key to frame: target MISSED"; failed=1; fi
if ! awk -v t="$typing" 'BEGIN { exit !(t * 1000 <= 16) }'; then echo "key to frame while filtering: target MISSED"; failed=1; fi

# 2. First frame on 100,000 commits, through tmux.
repo="$work/history-100000"
[ -f "$repo/.git/slipway-bench-complete" ] || COMMITS=100000 RUNS=1 SLIPWAY=${SLIPWAY:-} "$here/next-version.sh" "$work" >/dev/null
if [ -z "${SLIPWAY:-}" ]; then
  (cd "$root" && ${SWIFT:-swift} build -c release >"$work/build.log" 2>&1) || { tail -20 "$work/build.log" >&2; exit 1; }
  SLIPWAY="$root/.build/release/slipway"
fi
sock="$work/tmux.sock"
: >"$work/frame.times"; : >"$work/rows.times"; : >"$work/grouped.times"
for _ in $(seq "$runs"); do
  tmux -f /dev/null -S "$sock" kill-server 2>/dev/null || true
  start=$(date +%s%N)
  tmux -f /dev/null -S "$sock" new-session -d -s b -x 120 -y 40 -e LANG=C.UTF-8 -e TERM=xterm-256color \
    "$SLIPWAY --repo $repo"
  deadline=$(( $(date +%s) + ${WAIT:-10} ))
  until tmux -S "$sock" capture-pane -p -t b 2>/dev/null | grep -q '1 Changes 2 Version'; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "no frame within ${WAIT:-10} s; the screen shows:" >&2
      tmux -S "$sock" capture-pane -p -t b >&2 2>/dev/null || true
      tmux -S "$sock" kill-server 2>/dev/null || true
      exit 1
    fi
  done
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 )) >>"$work/frame.times"
  # A commit row: three spaces and a short sha at the start of a line.
  until tmux -S "$sock" capture-pane -p -t b 2>/dev/null | grep -qE '^   [0-9a-f]{7} '; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "no commit row within ${WAIT:-10} s" >&2; exit 1; }
  done
  echo $(( ($(date +%s%N) - start) / 1000000 )) >>"$work/rows.times"
  until tmux -S "$sock" capture-pane -p -t b 2>/dev/null | grep -qE '^ (Breaking|Features|Fixes) \('; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "no grouped list within ${WAIT:-10} s" >&2; exit 1; }
  done
  echo $(( ($(date +%s%N) - start) / 1000000 )) >>"$work/grouped.times"
  tmux -S "$sock" kill-server 2>/dev/null || true
done
frame=$(sort -n "$work/frame.times" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
echo "first full frame (100,000 commits, incl. tmux start): median $frame ms   (runs: $(tr '\n' ' ' <"$work/frame.times"); target <= 50 ms)"
if ! [ "$frame" -le 50 ]; then echo "first full frame: target MISSED"; failed=1; fi
median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
rows=$(median "$work/rows.times")
echo "first Changes rows (100,000 commits, incl. tmux start): median $rows ms   (runs: $(tr '\n' ' ' <"$work/rows.times"); target <= 50 ms)"
echo "grouped list with the version: median $(median "$work/grouped.times") ms   (for reference: the whole range walked and classified)"
if ! [ "$rows" -le 50 ]; then echo "first Changes rows: target MISSED"; failed=1; fi
[ "$failed" -eq 0 ] && echo "verdict: every target met" || echo "verdict: target MISSED"
exit "$failed"
