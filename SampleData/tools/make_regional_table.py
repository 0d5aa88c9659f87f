#!/usr/bin/env python3
"""Generate a SYNTHETIC 33-sector regional input-output table for a fictional Korean city.

This is sample data for `lcimpact`. It is NOT official statistics: every number is
made up from the plausibility rules below, with a fixed random seed, so that the
same command always writes the same file (byte for byte).

Table conventions
-----------------
* Producer prices, domestic (non-competitive import) flows, units: million won.
* 33 sectors loosely following the Bank of Korea 2015 large classification.
* Final demand categories: household, government, investment, exports
  ("exports" means sales outside the city: to the rest of Korea and abroad).
* Rows after the sectors: imports, compensation, operating_surplus, net_taxes,
  value_added, total_input, employment (persons).
* Every number is an integer, and the table balances exactly as written:
    column j: total_output_j = sum_i z_ij + imports_j + value_added_j
    row i:    total_output_i = sum_j z_ij + household_i + government_i
                               + investment_i + exports_i
    value_added_j = compensation_j + operating_surplus_j + net_taxes_j
  Rounding remainders go to operating_surplus (columns) and to the largest
  final-demand cell of the row (rows), so every final-demand cell stays >= 0.
* In non-sector rows the total_output cell is the row total (sum of the row's
  cells); final-demand cells of imports are imports bought directly by final
  demand; final-demand cells of value-added rows are 0; employment has 0 there.

How the numbers are made
------------------------
1. Each sector gets a target share of city output (about 30 trillion won in all),
   a domestic intermediate-input ratio (column sum of A: 0.25 for services up to
   0.60 for manufacturing), an import ratio (5-35% of input, petroleum about 58%),
   a compensation share of value added (30-60%), a net-tax share and an
   employment coefficient (2-20 persons per billion won).
2. Each column of A is spread over its suppliers by a hand-written pattern
   (e.g. restaurants buy food & beverages and agriculture; retail buys business
   support and real estate; manufacturing buys basic metals, chemicals,
   electricity), plus a common services base, multiplicative noise (0.8-1.2)
   and a few small random entries (sparsity pattern drawn from the seed).
3. Outputs are raised where intermediate sales would leave less than 10% of a
   sector's output for final demand (fixed-point iteration), then rescaled so
   the total output is exactly 30,000,000 million won.
4. Final demand of each row is split over the four categories by sector-specific
   shares; imports bought directly by final demand are a fixed share of each
   category.

Usage
-----
    python3 SampleData/tools/make_regional_table.py            # writes SampleData/synthetic_region_33.csv
    python3 SampleData/tools/make_regional_table.py --seed 7 --out /tmp/t.csv

Only the Python 3 standard library is used. The script prints a short check
(column sums of A, balance residuals, multipliers) and asserts the balances after
reading the written file back.
"""

import argparse
import csv
import os
import random
import sys

SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.normpath(os.path.join(SCRIPT_DIR, "..", ".."))

TOTAL_OUTPUT = 30_000_000  # million won (= 30 trillion won)
MIN_FINAL_SHARE = 0.10     # each sector keeps at least 10% of output for final demand

# code, label
SECTORS = [
    ("01", "Agriculture, forestry and fishery products"),
    ("02", "Mining"),
    ("03", "Food and beverages"),
    ("04", "Textiles and leather"),
    ("05", "Wood, paper and printing"),
    ("06", "Coal and petroleum products"),
    ("07", "Chemicals"),
    ("08", "Non-metallic mineral products"),
    ("09", "Basic metals"),
    ("10", "Fabricated metal products"),
    ("11", "Computers, electronics and optical"),
    ("12", "Electrical equipment"),
    ("13", "Machinery and equipment"),
    ("14", "Transport equipment"),
    ("15", "Other manufacturing"),
    ("16", "Electricity, gas and steam"),
    ("17", "Water, waste and recycling"),
    ("18", "Construction"),
    ("19", "Wholesale trade"),
    ("20", "Retail trade"),
    ("21", "Transport services"),
    ("22", "Food services (restaurants and cafes)"),
    ("23", "Accommodation"),
    ("24", "Information and communication"),
    ("25", "Finance and insurance"),
    ("26", "Real estate"),
    ("27", "Professional, scientific and technical services"),
    ("28", "Business support services"),
    ("29", "Public administration"),
    ("30", "Education"),
    ("31", "Health and social work"),
    ("32", "Arts, sports and recreation"),
    ("33", "Other personal services"),
]
CODES = [c for c, _ in SECTORS]
N = len(SECTORS)
IDX = {c: i for i, c in enumerate(CODES)}

# code: (output weight [trillion won, rescaled later], domestic intermediate ratio
#        = column sum of A, import ratio of input, compensation share of VA,
#        net-tax share of VA, employment coefficient [persons per billion won])
PARAMS = {
    "01": (0.60, 0.32, 0.10, 0.30, 0.02, 20.0),
    "02": (0.08, 0.30, 0.12, 0.40, 0.05, 5.0),
    "03": (1.50, 0.55, 0.22, 0.45, 0.10, 8.0),
    "04": (0.40, 0.50, 0.28, 0.55, 0.04, 10.0),
    "05": (0.35, 0.50, 0.20, 0.55, 0.05, 9.0),
    "06": (0.90, 0.25, 0.58, 0.30, 0.35, 2.0),
    "07": (1.60, 0.48, 0.30, 0.40, 0.05, 3.0),
    "08": (0.50, 0.45, 0.18, 0.45, 0.05, 5.0),
    "09": (1.40, 0.58, 0.30, 0.40, 0.04, 2.5),
    "10": (0.90, 0.52, 0.18, 0.55, 0.04, 9.0),
    "11": (2.20, 0.40, 0.35, 0.35, 0.03, 4.0),
    "12": (0.80, 0.52, 0.28, 0.50, 0.04, 6.0),
    "13": (1.30, 0.50, 0.25, 0.55, 0.04, 7.0),
    "14": (2.00, 0.60, 0.22, 0.50, 0.04, 5.0),
    "15": (0.25, 0.45, 0.25, 0.55, 0.04, 11.0),
    "16": (0.90, 0.45, 0.35, 0.30, 0.08, 2.5),
    "17": (0.30, 0.42, 0.08, 0.45, 0.04, 10.0),
    "18": (2.40, 0.55, 0.08, 0.55, 0.03, 14.0),
    "19": (1.30, 0.30, 0.06, 0.55, 0.06, 15.0),
    "20": (0.90, 0.32, 0.06, 0.55, 0.06, 18.0),
    "21": (1.30, 0.45, 0.18, 0.50, 0.04, 12.0),
    "22": (1.00, 0.50, 0.08, 0.50, 0.05, 20.0),
    "23": (0.15, 0.40, 0.07, 0.45, 0.06, 16.0),
    "24": (0.90, 0.38, 0.08, 0.45, 0.03, 8.0),
    "25": (1.30, 0.28, 0.05, 0.50, 0.06, 8.0),
    "26": (1.60, 0.25, 0.05, 0.30, 0.08, 4.0),
    "27": (0.90, 0.35, 0.06, 0.60, 0.03, 12.0),
    "28": (0.60, 0.30, 0.05, 0.60, 0.03, 18.0),
    "29": (1.10, 0.30, 0.05, 0.60, 0.01, 12.0),
    "30": (1.00, 0.25, 0.05, 0.60, 0.01, 17.0),
    "31": (1.10, 0.38, 0.08, 0.58, 0.01, 15.0),
    "32": (0.30, 0.38, 0.07, 0.45, 0.06, 16.0),
    "33": (0.55, 0.30, 0.05, 0.50, 0.04, 19.0),
}

# Services and utilities every sector buys a little of (relative weights).
COMMON_INPUTS = {
    "19": 0.06, "21": 0.05, "25": 0.05, "26": 0.04, "28": 0.05, "16": 0.04,
    "24": 0.03, "27": 0.03, "05": 0.01, "06": 0.02, "17": 0.01, "22": 0.015,
    "07": 0.01,
}

# Sector-specific key suppliers (relative weights, added to COMMON_INPUTS).
KEY_INPUTS = {
    "01": {"01": 0.20, "07": 0.25, "06": 0.12, "03": 0.10, "13": 0.04},
    "02": {"06": 0.15, "13": 0.10, "16": 0.15, "09": 0.05, "07": 0.05},
    "03": {"01": 0.40, "03": 0.20, "05": 0.06, "07": 0.04, "16": 0.03, "19": 0.08},
    "04": {"04": 0.35, "07": 0.25, "16": 0.05},
    "05": {"05": 0.30, "07": 0.15, "01": 0.08, "16": 0.08},
    "06": {"06": 0.45, "07": 0.10, "16": 0.10, "21": 0.10, "02": 0.02},
    "07": {"06": 0.30, "07": 0.35, "16": 0.06},
    "08": {"02": 0.15, "07": 0.12, "06": 0.10, "16": 0.12, "08": 0.15},
    "09": {"09": 0.45, "02": 0.10, "06": 0.06, "16": 0.12, "08": 0.04},
    "10": {"09": 0.45, "10": 0.15, "07": 0.05, "16": 0.05},
    "11": {"11": 0.55, "07": 0.10, "09": 0.04, "12": 0.04, "16": 0.04},
    "12": {"09": 0.25, "11": 0.20, "12": 0.15, "07": 0.08, "10": 0.06},
    "13": {"09": 0.20, "10": 0.12, "13": 0.25, "11": 0.08, "12": 0.08},
    "14": {"14": 0.45, "09": 0.15, "10": 0.06, "11": 0.06, "07": 0.06, "12": 0.05},
    "15": {"07": 0.15, "09": 0.10, "05": 0.10, "15": 0.10, "04": 0.08},
    "16": {"06": 0.35, "02": 0.05, "16": 0.15, "18": 0.05, "13": 0.03},
    "17": {"16": 0.12, "07": 0.10, "18": 0.08, "13": 0.05, "17": 0.10},
    "18": {"08": 0.18, "09": 0.14, "10": 0.10, "12": 0.06, "18": 0.08, "27": 0.08,
           "05": 0.03, "07": 0.04, "13": 0.03},
    "19": {"21": 0.18, "26": 0.12, "28": 0.12, "24": 0.06, "25": 0.08},
    "20": {"28": 0.16, "26": 0.18, "21": 0.08, "16": 0.06, "25": 0.08, "05": 0.04,
           "24": 0.05},
    "21": {"06": 0.35, "14": 0.08, "21": 0.15, "25": 0.05, "26": 0.03},
    "22": {"03": 0.40, "01": 0.20, "19": 0.08, "26": 0.06, "16": 0.04, "05": 0.02},
    "23": {"03": 0.12, "26": 0.15, "16": 0.10, "28": 0.12, "22": 0.05, "17": 0.04},
    "24": {"11": 0.10, "24": 0.30, "27": 0.12, "28": 0.08, "26": 0.06},
    "25": {"25": 0.30, "24": 0.12, "26": 0.12, "28": 0.12, "27": 0.08},
    "26": {"18": 0.30, "25": 0.20, "26": 0.15, "28": 0.10},
    "27": {"27": 0.25, "24": 0.10, "26": 0.12, "28": 0.08},
    "28": {"28": 0.20, "26": 0.10, "24": 0.06, "21": 0.05},
    "29": {"18": 0.10, "27": 0.12, "28": 0.10, "24": 0.08, "06": 0.05, "31": 0.03,
           "16": 0.05},
    "30": {"26": 0.12, "05": 0.08, "16": 0.08, "28": 0.10, "24": 0.06, "22": 0.05,
           "03": 0.04},
    "31": {"07": 0.30, "11": 0.05, "26": 0.08, "28": 0.10, "16": 0.05, "03": 0.04},
    "32": {"26": 0.12, "27": 0.08, "24": 0.10, "32": 0.15, "28": 0.08, "16": 0.05},
    "33": {"07": 0.15, "26": 0.15, "14": 0.04, "10": 0.04, "16": 0.06, "28": 0.06,
           "04": 0.03},
}

FINAL_DEMAND = ["household", "government", "investment", "exports"]

# Split of each sector's final demand: household, government, investment, exports.
FD_SHARES = {
    "01": (0.45, 0.00, 0.02, 0.53), "02": (0.00, 0.00, 0.05, 0.95),
    "03": (0.35, 0.00, 0.00, 0.65), "04": (0.25, 0.00, 0.00, 0.75),
    "05": (0.15, 0.00, 0.02, 0.83), "06": (0.20, 0.00, 0.00, 0.80),
    "07": (0.05, 0.00, 0.00, 0.95), "08": (0.02, 0.00, 0.05, 0.93),
    "09": (0.00, 0.00, 0.00, 1.00), "10": (0.03, 0.00, 0.25, 0.72),
    "11": (0.08, 0.00, 0.15, 0.77), "12": (0.06, 0.00, 0.20, 0.74),
    "13": (0.02, 0.00, 0.45, 0.53), "14": (0.10, 0.00, 0.20, 0.70),
    "15": (0.25, 0.00, 0.05, 0.70), "16": (0.45, 0.00, 0.00, 0.55),
    "17": (0.45, 0.15, 0.00, 0.40), "18": (0.00, 0.00, 0.95, 0.05),
    "19": (0.30, 0.00, 0.05, 0.65), "20": (0.90, 0.00, 0.02, 0.08),
    "21": (0.40, 0.00, 0.02, 0.58), "22": (0.92, 0.00, 0.00, 0.08),
    "23": (0.55, 0.00, 0.00, 0.45), "24": (0.45, 0.00, 0.20, 0.35),
    "25": (0.70, 0.00, 0.00, 0.30), "26": (0.90, 0.00, 0.05, 0.05),
    "27": (0.05, 0.00, 0.55, 0.40), "28": (0.10, 0.00, 0.00, 0.90),
    "29": (0.00, 1.00, 0.00, 0.00), "30": (0.40, 0.55, 0.00, 0.05),
    "31": (0.55, 0.40, 0.00, 0.05), "32": (0.65, 0.15, 0.00, 0.20),
    "33": (0.92, 0.00, 0.00, 0.08),
}

# Imports bought directly by final demand, as a share of that category's
# domestic purchases (exports: no re-exports).
FD_IMPORT_RATIO = {"household": 0.12, "government": 0.02, "investment": 0.15, "exports": 0.0}


def build_coefficients(rng):
    """Domestic input coefficient matrix A (list of rows), column sums = PARAMS ratio."""
    a = [[0.0] * N for _ in range(N)]
    for j, cj in enumerate(CODES):
        weights = [0.0] * N
        for ci, w in COMMON_INPUTS.items():
            weights[IDX[ci]] += w
        for ci, w in KEY_INPUTS[cj].items():
            weights[IDX[ci]] += w
        for i in range(N):
            if weights[i] > 0:
                weights[i] *= rng.uniform(0.8, 1.2)
            elif rng.random() < 0.35:          # sparse small purchases
                weights[i] = rng.uniform(0.002, 0.01)
        s = sum(weights)
        ratio = PARAMS[cj][1]
        for i in range(N):
            a[i][j] = ratio * weights[i] / s
    return a


def solve_outputs(a):
    """Outputs x (floats) with at least MIN_FINAL_SHARE of each output left for final demand."""
    x = [PARAMS[c][0] for c in CODES]
    for _ in range(1000):
        inter = [sum(a[i][j] * x[j] for j in range(N)) for i in range(N)]
        new = [max(x[i], inter[i] / (1.0 - MIN_FINAL_SHARE)) for i in range(N)]
        if max(abs(new[i] - x[i]) / x[i] for i in range(N)) < 1e-12:
            break
        x = new
    s = sum(x)
    return [v * TOTAL_OUTPUT / s for v in x]


def build_table(seed):
    rng = random.Random(seed)
    a = build_coefficients(rng)
    xf = solve_outputs(a)

    # Integer outputs summing exactly to TOTAL_OUTPUT.
    x = [int(round(v)) for v in xf]
    big = max(range(N), key=lambda k: x[k])
    x[big] += TOTAL_OUTPUT - sum(x)

    z = [[int(round(a[i][j] * x[j])) for j in range(N)] for i in range(N)]

    # Value-added side (columns).
    imports = [int(round(PARAMS[c][2] * x[j])) for j, c in enumerate(CODES)]
    comp, surplus, taxes, va = [], [], [], []
    for j, c in enumerate(CODES):
        v = x[j] - sum(z[i][j] for i in range(N)) - imports[j]
        assert v > 0, f"negative value added in sector {c}"
        cm = int(round(PARAMS[c][3] * v))
        tx = int(round(PARAMS[c][4] * v))
        comp.append(cm)
        taxes.append(tx)
        surplus.append(v - cm - tx)           # rounding remainder lands here
        va.append(v)

    # Final demand (rows).
    fd = []
    for i, c in enumerate(CODES):
        f = x[i] - sum(z[i])
        assert f > 0, f"negative final demand in sector {c}"
        cells = [int(round(s * f)) for s in FD_SHARES[c]]
        k = max(range(4), key=lambda q: cells[q])
        cells[k] += f - sum(cells)            # rounding remainder -> largest cell
        assert min(cells) >= 0
        fd.append(cells)

    fd_dom_totals = [sum(fd[i][k] for i in range(N)) for k in range(4)]
    fd_imports = [int(round(FD_IMPORT_RATIO[name] * fd_dom_totals[k]))
                  for k, name in enumerate(FINAL_DEMAND)]

    employment = [int(round(PARAMS[c][5] / 1000.0 * x[j])) for j, c in enumerate(CODES)]
    return dict(x=x, z=z, fd=fd, imports=imports, fd_imports=fd_imports, comp=comp,
                surplus=surplus, taxes=taxes, va=va, employment=employment)


def write_table(t, path, seed):
    x, z, fd = t["x"], t["z"], t["fd"]
    zeros = [0, 0, 0, 0]
    rows = []
    for i, (c, label) in enumerate(SECTORS):
        rows.append([c, label] + z[i] + fd[i] + [x[i]])

    def extra(code, label, sector_cells, fd_cells):
        return [code, label] + list(sector_cells) + list(fd_cells) + [sum(sector_cells) + sum(fd_cells)]

    rows.append(extra("imports", "Imports", t["imports"], t["fd_imports"]))
    rows.append(extra("compensation", "Compensation of employees", t["comp"], zeros))
    rows.append(extra("operating_surplus", "Operating surplus", t["surplus"], zeros))
    rows.append(extra("net_taxes", "Net taxes on production", t["taxes"], zeros))
    rows.append(extra("value_added", "Value added", t["va"], zeros))
    col_tot = [sum(z[i][j] for i in range(N)) + t["imports"][j] + t["va"][j] for j in range(N)]
    fd_tot = [sum(fd[i][k] for i in range(N)) + t["fd_imports"][k] for k in range(4)]
    rows.append(extra("total_input", "Total input", col_tot, fd_tot))
    rows.append(extra("employment", "Employment (persons)", t["employment"], zeros))

    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        fh.write("# units: million won\n")
        fh.write(f"# SYNTHETIC table made by SampleData/tools/make_regional_table.py (seed {seed}); "
                 "not official statistics.\n")
        fh.write("# Fictional Korean city; producer prices; domestic flows; final-demand cells of the "
                 "imports row are imports bought directly by final demand.\n")
        w = csv.writer(fh, lineterminator="\n")   # quotes labels that contain commas (RFC 4180)
        w.writerow(["code", "label"] + CODES + FINAL_DEMAND + ["total_output"])
        w.writerows(rows)


# ---------------------------------------------------------------- checking

def read_table(path):
    with open(path, newline="", encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    recs = list(csv.reader(lines))
    header, body = recs[0], recs[1:]
    assert all(len(r) == len(header) for r in body), "ragged rows"
    return header, {r[0]: r for r in body}


def invert(m):
    """Gauss-Jordan inverse with partial pivoting (pure Python)."""
    n = len(m)
    aug = [list(map(float, m[i])) + [1.0 if k == i else 0.0 for k in range(n)] for i in range(n)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(aug[r][col]))
        aug[col], aug[piv] = aug[piv], aug[col]
        p = aug[col][col]
        assert abs(p) > 1e-12, "singular matrix"
        aug[col] = [v / p for v in aug[col]]
        for r in range(n):
            if r != col and aug[r][col] != 0.0:
                f = aug[r][col]
                aug[r] = [vr - f * vc for vr, vc in zip(aug[r], aug[col])]
    return [row[n:] for row in aug]


def check(path):
    header, rows = read_table(path)
    codes = header[2:2 + N]
    assert codes == CODES
    fdn = header[2 + N:-1]
    num = lambda r: [float(v) for v in r[2:]]
    x = [num(rows[c])[-1] for c in codes]
    z = [num(rows[c])[:N] for c in codes]
    imp = num(rows["imports"])
    va = num(rows["value_added"])
    comp = num(rows["compensation"])
    os_ = num(rows["operating_surplus"])
    tax = num(rows["net_taxes"])
    tin = num(rows["total_input"])
    emp = num(rows["employment"])

    col_res = max(abs(x[j] - sum(z[i][j] for i in range(N)) - imp[j] - va[j]) for j in range(N))
    row_res = max(abs(x[i] - sum(num(rows[c])[:-1])) for i, c in enumerate(codes))
    va_res = max(abs(va[j] - comp[j] - os_[j] - tax[j]) for j in range(N + len(fdn)))
    tin_res = max(abs(tin[j] - x[j]) for j in range(N))
    tot_res = max(abs(sum(num(r)[:-1]) - num(r)[-1]) for r in rows.values())
    fd_min = min(min(num(rows[c])[N:N + len(fdn)]) for c in codes)
    assert col_res == 0 and row_res == 0 and va_res == 0 and tin_res == 0 and tot_res == 0
    assert fd_min >= 0 and min(os_[:N]) > 0

    a = [[z[i][j] / x[j] for j in range(N)] for i in range(N)]
    colsum = [sum(a[i][j] for i in range(N)) for j in range(N)]
    assert max(colsum) < 1.0
    leontief = invert([[(1.0 if i == j else 0.0) - a[i][j] for j in range(N)] for i in range(N)])
    mult = [sum(leontief[i][j] for i in range(N)) for j in range(N)]
    assert min(min(r) for r in leontief) > -1e-9
    xt = sum(x)
    wmult = sum(mult[j] * x[j] for j in range(N)) / xt
    empc = [emp[j] / x[j] for j in range(N)]

    print(f"wrote {path}")
    print(f"  sectors: {N}; final-demand columns: {', '.join(fdn)}")
    print(f"  total output: {xt:,.0f} million won; total value added: {sum(va[:N]):,.0f}; "
          f"imports: {sum(imp[:N]):,.0f} (+{sum(imp[N:N+len(fdn)]):,.0f} by final demand)")
    print(f"  total employment: {sum(emp[:N]):,.0f} persons "
          f"({1000 * sum(emp[:N]) / xt:.2f} per billion won)")
    jmax, jmin = max(range(N), key=lambda j: colsum[j]), min(range(N), key=lambda j: colsum[j])
    print(f"  column sums of A: max {colsum[jmax]:.4f} ({codes[jmax]}), min {colsum[jmin]:.4f} ({codes[jmin]})")
    print(f"  import share of input: {min(imp[j]/x[j] for j in range(N)):.3f}..{max(imp[j]/x[j] for j in range(N)):.3f}; "
          f"compensation share of VA: {min(comp[j]/va[j] for j in range(N)):.3f}..{max(comp[j]/va[j] for j in range(N)):.3f}")
    print(f"  employment coefficients: {1000*min(empc):.2f}..{1000*max(empc):.2f} persons per billion won")
    print(f"  balance residuals: column {col_res:g}, row {row_res:g}, value added {va_res:g}, "
          f"total_input {tin_res:g}, row totals {tot_res:g}")
    print(f"  Type I output multipliers: min {min(mult):.4f} ({codes[mult.index(min(mult))]}), "
          f"max {max(mult):.4f} ({codes[mult.index(max(mult))]}), simple mean {sum(mult)/N:.4f}, "
          f"output-weighted mean {wmult:.4f}")
    return dict(x=x, a=a, L=leontief, mult=mult, emp=emp, comp=comp, rows=rows, fdn=fdn)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=2015, help="random seed (default 2015)")
    ap.add_argument("--out", default="SampleData/synthetic_region_33.csv",
                    help="output CSV; a relative path is taken from the repository root "
                         "(default SampleData/synthetic_region_33.csv)")
    args = ap.parse_args(argv)
    out = args.out if os.path.isabs(args.out) else os.path.join(REPO_ROOT, args.out)
    table = build_table(args.seed)
    write_table(table, out, args.seed)
    check(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
