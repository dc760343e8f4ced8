#!/usr/bin/env python3
"""Writes a `git fast-import` stream of a monorepo: PACKAGES npm workspace packages (packages/pNNN, each with a
package.json), then COMMITS Conventional Commits each touching one to three packages' files; half-way, every
package is tagged pNNN@1.0.0 (as changesets tags). Deterministic.

    python3 Tests/Benchmarks/make-monorepo.py 200 100000 | git -C REPO fast-import --quiet
"""
import random
import sys

PACKAGES = int(sys.argv[1]) if len(sys.argv) > 1 else 200
COMMITS = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
rng = random.Random(20261207)
out = sys.stdout.buffer
TYPES = ["feat", "fix", "fix", "chore", "docs", "refactor", "perf", "test"]


def data(text):
    raw = text.encode()
    out.write(b"data %d\n" % len(raw) + raw + b"\n")


def commit(mark, message, files, when):
    out.write(b"commit refs/heads/main\nmark :%d\n" % mark)
    out.write(b"author Ada <ada@acme.example> %d +0000\ncommitter Ada <ada@acme.example> %d +0000\n" % (when, when))
    data(message)
    if mark > 1:
        out.write(b"from :%d\n" % (mark - 1))
    for path, content in files:
        out.write(b"M 100644 inline %s\n" % path.encode())
        data(content)
    out.write(b"\n")


names = ["p%03d" % i for i in range(PACKAGES)]
root = [("package.json", '{"name": "root", "private": true, "workspaces": ["packages/*"]}\n')]
root += [("packages/%s/package.json" % n, '{\n  "name": "%s",\n  "version": "0.9.0"\n}\n' % n) for n in names]
commit(1, "chore: init\n", root, 1_700_000_000)
tagged = COMMITS // 2
for index in range(COMMITS):
    mark = index + 2
    touched = rng.sample(names, rng.randint(1, 3))
    kind = rng.choice(TYPES)
    message = "%s(%s): change %d\n" % (kind, touched[0], index)
    if rng.random() < 0.002:
        message += "\nBREAKING CHANGE: the old way is gone\n"
    files = [("packages/%s/src/f%d.js" % (n, rng.randint(0, 40)), "// %d\n" % index) for n in touched]
    commit(mark, message, files, 1_700_000_000 + index * 60)
    if index == tagged:
        for n in names:
            out.write(b"reset refs/tags/%s@1.0.0\nfrom :%d\n\n" % (n.encode(), mark))
out.write(b"done\n")
