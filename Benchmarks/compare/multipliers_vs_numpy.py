#!/usr/bin/env python3
"""All Type I multipliers: `lcimpact multipliers` against numpy's inv(I - A) route.

Writes SYNTHETIC productive tables with `lcimpact generate-table` (IOTable.synthetic,
deterministic per seed), then for each size:

  numpy    reads the same CSV, A = Z diag(x)^-1, L = inv(I - A) (the route pymrio's calc_L
           takes), multipliers as column sums and weighted column sums of L, linkages;
  lcimpact runs `lcimpact multipliers --io TABLE --format csv --timing` (LU factorization,
           mixed precision from 1,500 sectors, no inverse), in a subprocess.

It checks that every multiplier agrees to 1e-9 relative, and prints the times of the
model step alone (numpy: from A to the multipliers; lcimpact: its own `--timing` line,
from the loaded table to the multipliers) and end to end (file to multipliers), the
ratios, and the BLAS kernels both used (numpy's via threadpoolctl, lcimpact's own report
of Debian's OpenBLAS). Loading a 9,800-sector CSV (200 MB of text) takes seconds on both
sides, so the model step and the end-to-end time are reported separately.

    pip install numpy threadpoolctl
    swift build -c release --static-swift-stdlib   # = make build
    python3 Benchmarks/compare/multipliers_vs_numpy.py [--lcimpact .build/release/lcimpact] [--quick]

Neither side sets OPENBLAS_CORETYPE: each BLAS runs the kernel it picks for this CPU.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

import numpy as np

try:
    from threadpoolctl import threadpool_info
except ImportError:  # the kernel line then says so
    threadpool_info = None

MEASURES = [  # lcimpact CSV column -> how numpy computes it from L
    "output_type1", "value_added", "income_type1", "employment", "imports", "backward_linkage", "forward_linkage",
]


def numpy_kernel():
    if threadpool_info is None:
        return "unknown (pip install threadpoolctl)"
    infos = [i for i in threadpool_info() if i.get("internal_api") == "openblas" or i.get("user_api") == "blas"]
    return ", ".join(f"{i.get('internal_api')} {i.get('version')} {i.get('architecture')} ({i.get('num_threads')} threads)" for i in infos) or "unknown"


def read_table(path):
    """The documented layout: '#' comments, header, n sector rows, then imports,
    value-added components (compensation, ...), employment."""
    with open(path) as f:
        lines = [l for l in f if not l.startswith("#")]
    header = lines[0].rstrip("\n").split(",")
    total_column = header.index("total_output")
    codes = []
    i = 1
    while i < len(lines):
        code = lines[i].split(",", 1)[0]
        if code in ("imports", "compensation", "value_added", "employment", "operating_surplus", "net_taxes", "total_input"):
            break
        codes.append(code)
        i += 1
    n = len(codes)
    k = total_column - 2 - n
    z = np.empty((n, n))
    x = np.empty(n)
    for r in range(n):
        rest = lines[1 + r].rstrip("\n").split(",", 2)[2]
        values = np.array(rest.split(","), dtype=float) if len(rest) < 1000 else np.fromstring(rest, dtype=float, sep=",")
        z[r] = values[:n]
        x[r] = values[n + k]
    rows = {}
    for line in lines[1 + n:]:
        parts = line.rstrip("\n").split(",")
        rows[parts[0]] = np.array([float(v) if v else 0.0 for v in parts[2:2 + n]])
    value_added = sum(v for c, v in rows.items() if c not in ("imports", "employment", "total_input", "value_added", "imports_rest_of_nation"))
    if "value_added" in rows:
        value_added = rows["value_added"]
    return codes, z, x, value_added, rows.get("compensation"), rows.get("employment"), rows.get("imports")


def numpy_multipliers(z, x, value_added, compensation, employment, imports):
    a = z / x                                   # A = Z diag(x)^-1
    l = np.linalg.inv(np.eye(len(x)) - a)       # the inv route
    out = {"output_type1": l.sum(axis=0)}
    out["value_added"] = (value_added / x) @ l
    out["income_type1"] = (compensation / x) @ l
    out["employment"] = (employment / x) @ l
    out["imports"] = (imports / x) @ l
    out["backward_linkage"] = out["output_type1"] / out["output_type1"].mean()
    row_sums = l.sum(axis=1)
    out["forward_linkage"] = row_sums / row_sums.mean()
    return out


def run_lcimpact(binary, table):
    start = time.perf_counter()
    proc = subprocess.run([binary, "multipliers", "--io", table, "--format", "csv", "--timing"], capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"lcimpact failed ({proc.returncode}): {proc.stderr}")
    timing = next((l for l in proc.stderr.splitlines() if "timing:" in l), "")
    load = float(re.search(r"load ([\d.,]+) s", timing).group(1).replace(",", ""))
    model = float(re.search(r"model \(A, factor, solves\) ([\d.,]+) s", timing).group(1).replace(",", ""))
    solver = re.search(r"solver: (.*); OpenBLAS", timing).group(1)
    kernel = re.search(r"OpenBLAS (.*)$", timing).group(1)
    lines = proc.stdout.splitlines()
    header = lines[0].split(",")
    values = {name: [] for name in MEASURES}
    for line in lines[1:]:
        cells = line.split(",")  # synthetic labels have no commas
        for name in MEASURES:
            values[name].append(float(cells[header.index(name)]))
    return {name: np.array(v) for name, v in values.items()}, wall, load, model, solver, kernel


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lcimpact", default=".build/release/lcimpact", help="path of the release lcimpact binary")
    parser.add_argument("--sizes", type=int, nargs="+", default=[381, 9800])
    parser.add_argument("--quick", action="store_true", help="skip n = 9,800")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", default=None, help="where to write the tables (default: a temporary directory)")
    args = parser.parse_args()
    sizes = [n for n in args.sizes if not (args.quick and n >= 9800)]
    workdir = args.workdir or tempfile.mkdtemp(prefix="lcimpact-compare-")
    print(f"numpy {np.__version__}; numpy BLAS: {numpy_kernel()}")
    failures = 0
    for n in sizes:
        table = os.path.join(workdir, f"synthetic_{n}_seed{args.seed}.csv")
        if not os.path.exists(table):
            subprocess.run([args.lcimpact, "generate-table", "--sectors", str(n), "--seed", str(args.seed), "--out", table], check=True,
                           capture_output=True)
        start = time.perf_counter()
        codes, z, x, va, comp, emp, imp = read_table(table)
        np_load = time.perf_counter() - start
        start = time.perf_counter()
        ref = numpy_multipliers(z, x, va, comp, emp, imp)
        np_model = time.perf_counter() - start
        del z
        ours, lc_wall, lc_load, lc_model, solver, kernel = run_lcimpact(args.lcimpact, table)
        worst = max(float(np.max(np.abs(ours[m] - ref[m]) / np.maximum(np.abs(ref[m]), 1e-300))) for m in MEASURES)
        ok = worst <= 1e-9
        failures += 0 if ok else 1
        print(f"\nn = {n} ({os.path.getsize(table) / 1e6:.1f} MB CSV)")
        print(f"  lcimpact BLAS: Debian OpenBLAS, kernel {kernel}; solver: {solver}")
        print(f"  max relative difference over {len(MEASURES)} measures x {n} sectors: {worst:.2e} -> {'OK' if ok else 'FAIL'} (limit 1e-9)")
        print(f"  model step (A to multipliers): numpy inv route {np_model:8.3f} s   lcimpact {lc_model:8.3f} s   ratio {np_model / lc_model:6.2f}x")
        print(f"  end to end (CSV to multipliers): numpy {np_load + np_model:8.3f} s (load {np_load:.3f})   lcimpact {lc_wall:8.3f} s (load {lc_load:.3f}, process)   ratio {(np_load + np_model) / lc_wall:6.2f}x")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
