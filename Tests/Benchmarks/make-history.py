#!/usr/bin/env python3
"""Writes a `git fast-import` stream of a release history: one commit tagged v1.0.0, then COMMITS commits of
Conventional Commits (types, scopes, bodies, footers, some breaking changes, reverts) mixed with
non-conventional ones. Deterministic: the same arguments give the same repository.

    python3 Benchmarks/make-history.py 100000 | git -C REPO fast-import --quiet
"""
import random
import sys

COMMITS = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
rng = random.Random(20260101)
out = sys.stdout.buffer

TYPES = [("feat", 25), ("fix", 30), ("chore", 8), ("docs", 7), ("perf", 4), ("refactor", 6), ("test", 5),
         ("ci", 2), ("build", 2), ("style", 1)]
TYPE_POOL = [name for name, weight in TYPES for _ in range(weight)]
SCOPES = ["api", "auth", "checkout", "search", "db", "ui", "orders", "billing", "deps", "chart", None, None, None]
WORDS = ("cache index request response handler token session cart order invoice price total search query page "
         "limit timeout retry header cookie user admin report export import queue worker job schedule metric log "
         "config flag feature payment refund tax address email template render layout button form field").split()
NON_CONVENTIONAL = ["update readme", "WIP", "fix typo", "Merge branch 'main' into feature", "tidy up",
                    "Apply suggestions from code review", "more tests", "bump", "Fix the build", "cleanup"]
PEOPLE = [("Ada Release", "ada@acme.example"), ("Lin Lead", "lead@acme.example"),
          ("Sam Dev", "sam@acme.example"), ("Kim Ops", "kim@acme.example")]


def phrase(low, high):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def message(index):
    roll = rng.random()
    if roll < 0.10:
        return rng.choice(NON_CONVENTIONAL) + "\n"
    if roll < 0.11:
        sha = "%040x" % rng.getrandbits(160)
        return 'Revert "fix: %s"\n\nThis reverts commit %s.\n' % (phrase(2, 5), sha)
    kind = rng.choice(TYPE_POOL)
    scope = rng.choice(SCOPES)
    bang = "!" if rng.random() < 0.003 else ""
    header = kind + ("(%s)" % scope if scope else "") + bang + ": " + phrase(3, 8)
    parts = [header]
    if rng.random() < 0.7:
        lines = [phrase(6, 12) for _ in range(rng.randint(1, 4))]
        parts.append("\n".join(lines))
        if rng.random() < 0.3:
            parts.append("\n".join(phrase(6, 12) for _ in range(rng.randint(1, 3))))
    footers = []
    if rng.random() < 0.004:
        footers.append("BREAKING CHANGE: " + phrase(5, 10))
    if rng.random() < 0.4:
        footers.append("Refs: #%d" % rng.randint(1, 9999))
    if rng.random() < 0.3:
        name, email = rng.choice(PEOPLE)
        footers.append("Reviewed-by: %s <%s>" % (name, email))
    if rng.random() < 0.2:
        footers.append("Signed-off-by: %s <%s>" % PEOPLE[index % len(PEOPLE)])
    if footers:
        parts.append("\n".join(footers))
    return "\n\n".join(parts) + "\n"


def data(text):
    raw = text.encode()
    out.write(b"data %d\n" % len(raw))
    out.write(raw)
    out.write(b"\n")


def commit(index, text, when):
    name, email = PEOPLE[index % len(PEOPLE)]
    out.write(b"commit refs/heads/main\n")
    out.write(b"mark :%d\n" % (index + 1))
    out.write(("author %s <%s> %d +0000\n" % (name, email, when)).encode())
    out.write(("committer %s <%s> %d +0000\n" % (name, email, when)).encode())
    data(text)
    if index > 0:
        out.write(b"from :%d\n" % index)
    out.write(b"M 644 inline src/module%02d.txt\n" % (index % 40))
    data("revision %d\n" % index)


start = 1_700_000_000
commit(0, "chore: first release\n", start)
out.write(b"tag v1.0.0\nfrom :1\n")
out.write(("tagger Ada Release <ada@acme.example> %d +0000\n" % start).encode())
data("Release version 1.0.0")
for index in range(1, COMMITS + 1):
    commit(index, message(index), start + index * 60)
out.write(b"done\n")
