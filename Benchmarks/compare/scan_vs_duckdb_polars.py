#!/usr/bin/env python3
"""Side-by-side scan benchmark: lcimpact vs DuckDB vs Polars on the same log.

Runs, on one generated local-currency log (canonical schema), the aggregations an
impact study needs:
  A  net spending and count by merchant_region x ksic
  B  flows: net spending and count by consumer_region x merchant_region
  C  per consumer: count, net spending, last time, distinct ksic codes
  ABC all three
with DuckDB and Polars (each query in its own subprocess, so peak memory is the
engine's own), and `lcimpact scan`, which computes A, B, C and more (months,
merchants, consumer hour profiles, quarantine accounting) in one pass. It checks
that every engine's totals agree with lcimpact's exactly, then prints wall time,
peak resident memory and the ratio to lcimpact.

Net spending: approved rows add amount, rows with status 'cancel' (or a negative
amount) subtract |amount|, exactly as lcimpact defines it.

With --shape card-export the log is the same transactions written as a card-company export
(`lcimpact generate --shape card-export`, UTF-8: DuckDB and Polars do not read CP949): Korean
headers in another column order, Korean merchant names (a third quoted), YYYYMMDDHHMMSS
timestamps, a Y/N cancellation flag, CRLF. DuckDB and Polars get a view that maps those
columns to the canonical ones (parsing the timestamp, turning the flag into a status), as a
user of those tools would write; lcimpact reads the file through its Korean preset.

Usage:
  pip install -r Benchmarks/compare/requirements.txt
  swift build -c release --static-swift-stdlib   # = make build
  python3 Benchmarks/compare/scan_vs_duckdb_polars.py --rows 32000000      # ~2.8 GB log in /tmp
  python3 Benchmarks/compare/scan_vs_duckdb_polars.py --rows 2000000 --quick
  python3 Benchmarks/compare/scan_vs_duckdb_polars.py --rows 32000000 --shape card-export --quick
"""
import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))

NET = "CASE WHEN lower(status) = 'cancel' OR amount < 0 THEN -abs(amount) ELSE abs(amount) END"

DUCK = {
    "A": f"SELECT merchant_region, ksic, sum({NET}) AS net, count(*) AS n FROM log GROUP BY ALL",
    "B": f"SELECT consumer_region, merchant_region, sum({NET}) AS net, count(*) AS n FROM log GROUP BY ALL",
    "C": f"SELECT consumer_id, count(*) AS n, sum({NET}) AS net, max(ts) AS last, count(DISTINCT ksic) AS k FROM log GROUP BY ALL",
}

WORKER = r'''
import sys, json, time
engine, path, query, threads, shape = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[6]
out = {}
t0 = time.perf_counter()
if engine == "duckdb":
    import duckdb
    con = duckdb.connect()
    con.execute(f"SET threads={threads}")
    con.execute("SET enable_progress_bar=false")
    if shape == "card-export":
        types = {"거래일시": "VARCHAR", "가맹점번호": "VARCHAR", "가맹점명": "VARCHAR", "가맹점시군구코드": "BIGINT",
                 "가맹점업종코드": "VARCHAR", "회원번호": "VARCHAR", "회원거주지코드": "BIGINT", "결제금액": "BIGINT",
                 "결제수단": "VARCHAR", "취소여부": "VARCHAR"}
        con.execute(f"""CREATE VIEW log AS SELECT strptime(거래일시, '%Y%m%d%H%M%S') AS ts, 회원번호 AS consumer_id,
            회원거주지코드 AS consumer_region, 가맹점번호 AS merchant_id, 가맹점시군구코드 AS merchant_region,
            가맹점업종코드 AS ksic, 결제금액 AS amount, CASE WHEN 취소여부 = 'Y' THEN 'cancel' ELSE 'approved' END AS status
            FROM read_csv('{path}', header=true, columns={types!r})""")
    else:
        types = {"tx_id": "VARCHAR", "ts": "TIMESTAMP", "consumer_id": "VARCHAR", "consumer_region": "BIGINT",
                 "merchant_id": "VARCHAR", "merchant_region": "BIGINT", "ksic": "VARCHAR", "amount": "BIGINT",
                 "channel": "VARCHAR", "status": "VARCHAR"}
        con.execute(f"CREATE VIEW log AS SELECT * FROM read_csv('{path}', header=true, columns={types!r})")
    queries = json.loads(sys.argv[5])
    for name in query:
        rows = con.execute(queries[name]).fetchall()
        if name == "A":
            out["A"] = {"groups": len(rows), "net": sum(r[2] for r in rows), "n": sum(r[3] for r in rows)}
        elif name == "B":
            out["B"] = {"groups": len(rows), "net": sum(r[2] for r in rows), "n": sum(r[3] for r in rows)}
        else:
            out["C"] = {"groups": len(rows), "net": sum(r[2] for r in rows), "n": sum(r[1] for r in rows)}
else:
    import os
    os.environ["POLARS_MAX_THREADS"] = str(threads)
    import polars as pl
    if shape == "card-export":
        lf = pl.scan_csv(path, schema_overrides={"거래일시": pl.Utf8, "가맹점시군구코드": pl.Int64, "가맹점업종코드": pl.Utf8,
                                                  "회원거주지코드": pl.Int64, "결제금액": pl.Int64, "취소여부": pl.Utf8})
        lf = lf.select(pl.col("거래일시").str.strptime(pl.Datetime, "%Y%m%d%H%M%S").alias("ts"),
                       pl.col("회원번호").alias("consumer_id"), pl.col("회원거주지코드").alias("consumer_region"),
                       pl.col("가맹점번호").alias("merchant_id"), pl.col("가맹점시군구코드").alias("merchant_region"),
                       pl.col("가맹점업종코드").alias("ksic"), pl.col("결제금액").alias("amount"),
                       pl.when(pl.col("취소여부") == "Y").then(pl.lit("cancel")).otherwise(pl.lit("approved")).alias("status"))
    else:
        lf = pl.scan_csv(path, schema_overrides={"consumer_region": pl.Int64, "merchant_region": pl.Int64,
                                                  "ksic": pl.Utf8, "amount": pl.Int64})
    net = (pl.when((pl.col("status").str.to_lowercase() == "cancel") | (pl.col("amount") < 0))
             .then(-pl.col("amount").abs()).otherwise(pl.col("amount").abs()))
    plans = {
        "A": lf.group_by("merchant_region", "ksic").agg(net.sum().alias("net"), pl.len().alias("n")),
        "B": lf.group_by("consumer_region", "merchant_region").agg(net.sum().alias("net"), pl.len().alias("n")),
        "C": lf.group_by("consumer_id").agg(pl.len().alias("n"), net.sum().alias("net"), pl.col("ts").max().alias("last"),
                                             pl.col("ksic").n_unique().alias("k")),
    }
    frames = pl.collect_all([plans[name] for name in query])
    for name, df in zip(query, frames):
        out[name] = {"groups": df.height, "net": int(df["net"].sum()), "n": int(df["n"].sum())}
out["seconds"] = time.perf_counter() - t0
print(json.dumps(out))
'''


def run_measured(cmd):
    """Runs cmd under /usr/bin/time; returns (stdout, wall seconds, peak RSS MB)."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr[-2000:]}")
    peak_kb = int(p.stderr.strip().splitlines()[-1])
    return p.stdout, wall, peak_kb / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=32_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--file", help="use this log instead of generating one")
    ap.add_argument("--lcimpact", default=os.path.join(ROOT, ".build", "release", "lcimpact"))
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--quick", action="store_true", help="only the combined ABC query per engine")
    ap.add_argument("--shape", choices=["canonical", "card-export"], default="canonical",
                    help="the generated log's layout (card-export: UTF-8, Korean headers; see above)")
    args = ap.parse_args()

    suffix = "" if args.shape == "canonical" else "-card-export"
    path = args.file or f"/tmp/lcimpact-compare-{args.rows}-{args.seed}{suffix}.csv"
    if not os.path.exists(path):
        subprocess.run([args.lcimpact, "generate", "--rows", str(args.rows), "--seed", str(args.seed), "--shape", args.shape,
                        "--out", path], check=True)
    size = os.path.getsize(path)
    subprocess.run(["cat", path], stdout=subprocess.DEVNULL, check=True)  # hot page cache for everyone

    import duckdb
    import polars
    kernel = subprocess.run([args.lcimpact, "multipliers", "--io", os.path.join(ROOT, "SampleData", "miller_blair_2_3.csv"),
                             "--format", "json"], capture_output=True, text=True).stdout
    core = json.loads(kernel).get("openblas_core", "?") if kernel else "?"
    print(f"log: {path} ({args.shape}), {size / 1e9:.2f} GB; {args.threads} threads; duckdb {duckdb.__version__}, polars {polars.__version__}; "
          f"lcimpact OpenBLAS kernel {core} (not used by scan)")

    # lcimpact: one pass computes everything.
    out, wall, peak = run_measured([args.lcimpact, "scan", path, "--format", "json", "--quiet", "--threads", str(args.threads)])
    scan = json.loads(out)
    ref = {
        "A": {"groups": len(scan["by_region_industry"]), "net": sum(r["net_amount"] for r in scan["by_region_industry"]),
              "n": sum(r["count"] for r in scan["by_region_industry"])},
        "B": {"groups": len(scan["flows"]), "net": sum(r["net_amount"] for r in scan["flows"]),
              "n": sum(r["count"] for r in scan["flows"])},
        "C": {"groups": scan["consumers"]["count"], "net": scan["net_amount"], "n": scan["rows"]["accepted"]},
    }
    results = [("lcimpact scan (A+B+C+more, one pass)", "ABC", wall, peak, True)]

    queries = ["ABC"] if args.quick else ["A", "B", "C", "ABC"]
    for engine in ["duckdb", "polars"]:
        for q in queries:
            out, wall, peak = run_measured([sys.executable, "-c", WORKER, engine, path, q, str(args.threads), json.dumps(DUCK),
                                            args.shape])
            got = json.loads(out.strip().splitlines()[-1])  # the worker's last line is its JSON
            same = all(got[name] == ref[name] for name in q)
            if not same:
                print(f"MISMATCH {engine} {q}: {got} vs lcimpact {ref}")
            results.append((f"{engine} {q}", q, wall, peak, same))

    base = results[0][2]
    print(f"\n{'engine / query':42} {'wall s':>8} {'GB/s':>6} {'peak MB':>8} {'× lcimpact':>10}  totals")
    for name, q, wall, peak, same in results:
        print(f"{name:42} {wall:8.2f} {size / 1e9 / wall:6.2f} {peak:8.0f} {wall / base:10.2f}  {'identical' if same else 'DIFFERENT'}")
    print("\nTotals checked: groups, net won and row counts of A, B and C agree with lcimpact's exactly.")


if __name__ == "__main__":
    main()
