#!/usr/bin/env python3
"""Import circles between the Rust files of a crate: file A `use`s something of file B and B,
directly or through others, uses A. Reads `use crate::…`, `use super::…`, `super::x::` and
`crate::x::` paths as text (macros and glob re-exports can hide an edge). Prints each circle
with the names that tie it; exit 1 when there is one.   usage: import-circles.py [src]
"""
import os, re, sys

root = sys.argv[1] if len(sys.argv) > 1 else "src"
if not os.path.isdir(root):  # `--help` or a mistyped folder would otherwise find no circle and pass
    sys.exit(__doc__)
files = {}
for d, _, fs in os.walk(root):
    for f in fs:
        if f.endswith(".rs"):
            files[os.path.join(d, f)] = open(os.path.join(d, f), encoding="utf-8").read()

def module_path(path):
    rel = os.path.relpath(path, root)[:-3].split(os.sep)
    if rel[-1] in ("mod", "lib", "main"):
        rel = rel[:-1]
    return rel

by_module = {tuple(module_path(p)): p for p in files if not p.endswith(("lib.rs", "main.rs"))}

def strip_tests(text):
    cut = re.search(r"#\[cfg\(test\)\]\s*mod\s+tests\s*\{", text)
    return text[:cut.start()] if cut else text

def resolve(here, segs):
    """The longest module prefix of segs that is a file, from the module `here`."""
    if segs and segs[0] == "crate":
        base, rest = [], segs[1:]
    elif segs and segs[0] in ("super", "self"):
        base = list(here)
        rest = segs
        while rest and rest[0] in ("super", "self"):
            if rest[0] == "super":
                base = base[:-1]
            rest = rest[1:]
    else:
        return None, None
    for n in range(len(rest), 0, -1):
        m = tuple(base + rest[:n])
        if m in by_module:
            return by_module[m], rest[n:n + 1]
    return None, None

edges = {}
def tie(a, b, name):
    if b and b != a:
        edges.setdefault(a, {}).setdefault(b, set()).add(name)

for path, text in files.items():
    if path.endswith(("lib.rs", "main.rs")):
        continue
    here = module_path(path)
    body = strip_tests(text)
    # `use crate::a::b::{C, d::E};` and `use super::x::Y;`
    for m in re.finditer(r"\buse\s+((?:crate|super|self)(?:::[A-Za-z_][A-Za-z0-9_]*)*)(?:::\{([^;]*)\})?", body):
        segs = m.group(1).split("::")
        names = [n.strip().split(" ")[0] for n in (m.group(2) or "").split(",") if n.strip()]
        target, _ = resolve(here, segs)
        if target:
            for n in names or [segs[-1]]:
                tie(path, target, n)
        for n in names:  # `use super::{record::CpdEntry, ...}`
            t, _ = resolve(here, segs + n.split("::")[:1])
            tie(path, t, n)
    # paths written inline: `crate::domain::cpd::parse_date(...)`
    for m in re.finditer(r"\b(?:crate|super)::(?:[a-z_][a-z0-9_]*::)+[A-Za-z_][A-Za-z0-9_]*", body):
        segs = m.group(0).split("::")
        target, _ = resolve(here, segs[:-1])
        tie(path, target, segs[-1])

# Tarjan's strongly connected components.
index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]
def visit(v):
    index[v] = low[v] = counter[0]; counter[0] += 1; stack.append(v); on.add(v)
    for w in edges.get(v, {}):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v: break
        if len(comp) > 1: sccs.append(sorted(comp))
sys.setrecursionlimit(10000)
for v in sorted(files):
    if v not in index: visit(v)
for i, comp in enumerate(sccs, 1):
    print(f"circle {i}: {', '.join(comp)}")
    for a in comp:
        for b, names in sorted(edges.get(a, {}).items()):
            if b in comp:
                print(f"  {a} -> {b}: {', '.join(sorted(names))}")
print(f"import circles: {len(sccs)}")
sys.exit(1 if sccs else 0)
