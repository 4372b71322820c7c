#!/usr/bin/env python3
"""Turns reports/bench/raw.jsonl into results.json and results.md: per cell the median, minimum and maximum of each
target, and for the interleaved sections (throughput, delay) the ratio ours/upstream with a bootstrap 95 % interval
over the pairs. `summarize.py --compare A/results.json B/results.json` says, cell by cell, whether two runs' intervals
overlap."""
import json
import os
import platform
import random
import statistics
import subprocess
import sys
from collections import defaultdict

RESAMPLES = 10000


def ratio_interval(pairs, value):
    """The ratio of the medians ours/upstream over the pairs, and its 95 % percentile-bootstrap interval: the pairs
    are resampled whole (with replacement), so a slow minute that hit both runs of a pair stays in one draw."""
    ours = [value(a) for a, _ in pairs]
    upstream = [value(b) for _, b in pairs]
    ratio = statistics.median(ours) / statistics.median(upstream)
    draws = random.Random(20261202)  # a fixed seed: the same rows give the same interval
    ratios = []
    for _ in range(RESAMPLES):
        picks = [draws.randrange(len(pairs)) for _ in pairs]
        ratios.append(statistics.median(ours[i] for i in picks) / statistics.median(upstream[i] for i in picks))
    ratios.sort()
    return ratio, ratios[int(0.025 * RESAMPLES)], ratios[int(0.975 * RESAMPLES) - 1]


def verdict(low, high, above, below):
    if low <= 1.0 <= high:
        return "not distinguishable"
    return above if low > 1.0 else below


def overlap(a, b):
    return a["ratioLow"] <= b["ratioHigh"] and b["ratioLow"] <= a["ratioHigh"]


if sys.argv[1] == "--compare":
    runs = [json.load(open(path)) for path in sys.argv[2:4]]
    cells = [{(c["section"], c["endpoint"], c["connections"], c["measure"]): c for c in run.get("cells", [])
              if "ratioLow" in c} for run in runs]
    verdicts = []
    for key in sorted(set(cells[0]) & set(cells[1])):
        a, b = cells[0][key], cells[1][key]
        ok = overlap(a, b)
        verdicts.append(ok)
        print(f"{' '.join(map(str, key))}: {a['ratio']:.3f} [{a['ratioLow']:.3f}, {a['ratioHigh']:.3f}] and "
              f"{b['ratio']:.3f} [{b['ratioLow']:.3f}, {b['ratioHigh']:.3f}]: {'overlap' if ok else 'DO NOT OVERLAP'}")
    print(f"{sum(verdicts)} of {len(verdicts)} intervals overlap")
    sys.exit(0 if verdicts and all(verdicts) else 1)

out = sys.argv[1]
rows = [json.loads(line) for line in open(os.path.join(out, "raw.jsonl")) if line.strip()]


def command(*args):
    try:
        result = subprocess.run(args, capture_output=True, text=True, timeout=10)
        return (result.stdout + result.stderr).strip().splitlines()[0]
    except Exception:
        return "unknown"


def cpu_model():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


machine = {
    "cores": os.cpu_count(),
    "cpu": cpu_model(),
    "memoryGiB": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
    "jdk": command("java", "-version"),
    "wrk": command("wrk", "--version"),
    "nginx": command("nginx", "-v"),
}

groups = defaultdict(list)
for row in rows:
    if "wrk" in row:
        groups[(row["section"], row["target"], row["endpoint"], row["connections"])].append(row["wrk"])

medians = {}
for key, runs in groups.items():
    medians[key] = {
        "runs": len(runs),
        "rps": statistics.median(r["rps"] for r in runs),
        "rpsMin": min(r["rps"] for r in runs),
        "rpsMax": max(r["rps"] for r in runs),
        "p50ms": statistics.median(r["p50ms"] for r in runs),
        "p99ms": statistics.median(r["p99ms"] for r in runs),
        "p99msMin": min(r["p99ms"] for r in runs),
        "p99msMax": max(r["p99ms"] for r in runs),
        "errors": sum(r["errors"] for r in runs),
    }

# the interleaved cells: ours and upstream of one pair side by side
paired = defaultdict(dict)
for row in rows:
    if "pair" in row:
        paired[(row["section"], row["endpoint"], row["connections"])].setdefault(row["pair"], {})[row["target"]] = row
cells = []
measures = {"throughput": (("rps", "req/s", lambda r: r["wrk"]["rps"], "ours faster", "upstream faster"),
                           ("p99", "p99 ms", lambda r: r["wrk"]["p99ms"], "ours slower", "ours quicker")),
            # the share of the theoretical rate is req/s over the same theoretical rate for both: its ratio is the
            # req/s ratio; the tail is what the 200 ms delay adds at p99
            "delay": (("share", "share", lambda r: r["wrk"]["rps"], "ours nearer the theory", "upstream nearer"),
                      ("p99", "p99 ms", lambda r: r["wrk"]["p99ms"], "ours slower", "ours quicker")),
            # a change to the stub: this build (ours) against the build before it
            "ab": (("rps", "req/s", lambda r: r["wrk"]["rps"], "this build faster", "the build before faster"),
                   ("p99", "p99 ms", lambda r: r["wrk"]["p99ms"], "this build slower", "this build quicker"))}
# what ours is compared with, per section
references = defaultdict(lambda: "upstream", {"ab": "before"})
for (section, endpoint, connections), by_pair in sorted(paired.items()):
    reference = references[section]
    complete = [(p["ours"], p[reference]) for _, p in sorted(by_pair.items()) if "ours" in p and reference in p]
    if len(complete) < 2:
        continue
    for name, _, value, above, below in measures[section]:
        ratio, low, high = ratio_interval(complete, value)
        cells.append({"section": section, "endpoint": endpoint, "connections": connections, "measure": name,
                      "pairs": len(complete), "ratio": round(ratio, 4), "ratioLow": round(low, 4),
                      "ratioHigh": round(high, 4), "verdict": verdict(low, high, above, below),
                      "ours": {"median": statistics.median(value(a) for a, _ in complete),
                               "min": min(value(a) for a, _ in complete), "max": max(value(a) for a, _ in complete)},
                      reference: {"median": statistics.median(value(b) for _, b in complete),
                                   "min": min(value(b) for _, b in complete),
                                   "max": max(value(b) for _, b in complete)},
                      "firstOfPairs": complete[0][0].get("first")})
cell = {(c["section"], c["endpoint"], c["connections"], c["measure"]): c for c in cells}
warmups = [r for r in rows if r.get("section") == "warmup"]


def interval(c, digits=2):
    return f"{c['ratio']:.{digits}f}x [{c['ratioLow']:.{digits}f}, {c['ratioHigh']:.{digits}f}]"


def floor_tail(m):
    """What the floor adds over 200 ms at p99, with its runs' range; '-' where it was not run."""
    if not m:
        return "-"
    return f"{m['p99ms'] - 200:+.1f} ({m['p99msMin'] - 200:+.1f} to {m['p99msMax'] - 200:+.1f})"


def spread(m, key, fmt):
    return f"{format(m[key], fmt)} ({format(m[key + 'Min'], fmt)}-{format(m[key + 'Max'], fmt)})"

md = ["# Benchmark results", "",
      f"Machine: {machine['cores']} cores ({machine['cpu']}), {machine['memoryGiB']} GiB; {machine['jdk']}; "
      f"{machine['wrk']}; {machine['nginx']}. Load from wrk, 2 threads, on the same machine.", ""]

throughput = sorted({(k[2], k[3]) for k in medians if k[0] == "throughput"})
if throughput:
    md += ["## 1. Throughput, no delay", "",
           "Ours and upstream alternate run by run on each cell (ABAB..., the first pair's order random). Median "
           "(minimum-maximum) over the runs; the ratio of the medians ours/upstream with its bootstrap 95 % interval "
           "over the pairs. nginx (`return 200`) is the machine's ceiling, run once per cell after the pairs.", "",
           "| endpoint | connections | pairs | ours req/s | upstream WireMock req/s | nginx req/s | ours / upstream [95 %] "
           "| verdict | p99 ms ours / upstream | p99 ratio [95 %] | errors |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]
    for endpoint, connections in throughput:
        get = lambda target: medians.get(("throughput", target, endpoint, connections))
        ours, upstream, nginx = get("ours"), get("upstream"), get("nginx")
        rps, p99 = cell.get(("throughput", endpoint, connections, "rps")), cell.get(
            ("throughput", endpoint, connections, "p99"))
        if not (ours and upstream and rps):
            continue
        md.append(f"| {endpoint} | {connections} | {rps['pairs']} | {spread(ours, 'rps', ',.0f')} | "
                  f"{spread(upstream, 'rps', ',.0f')} | {format(nginx['rps'], ',.0f') if nginx else '-'} | "
                  f"{interval(rps, 3)} | {rps['verdict']} | {ours['p99ms']:.1f} / {upstream['p99ms']:.1f} | "
                  f"{interval(p99)} | {ours['errors']} / {upstream['errors']} |")
    md.append("")

if warmups:
    md += ["### Warm-up: until three windows in a row are within the tolerance", "",
           "| section | target | endpoint | connections | seconds | windows | steady | last three windows req/s |",
           "|---|---|---|---|---|---|---|---|"]
    for w in warmups:
        md.append(f"| {w['of']} | {w['target']} | {w['endpoint']} | {w['connections']} | {w['seconds']} | "
                  f"{len(w['windowsRps'])} x {w['windowSeconds']} s | {'yes' if w['settled'] else '**no**'} | "
                  f"{' / '.join(f'{x:,.0f}' for x in w['windowsRps'][-3:])} |")
    md.append("")

ab = sorted({(k[2], k[3]) for k in medians if k[0] == "ab"})
if ab:
    md += ["## A/B of a change: this build against the build before", "",
           "Interleaved as throughput is. Median (minimum-maximum) over the runs; the ratio this build / the build "
           "before with its bootstrap 95 % interval over the pairs.", "",
           "| endpoint | connections | pairs | this build req/s | before req/s | this / before [95 %] | verdict "
           "| p99 ms this / before | p99 ratio [95 %] | errors |", "|---|---|---|---|---|---|---|---|---|---|"]
    for endpoint, connections in ab:
        this, before = medians.get(("ab", "ours", endpoint, connections)), medians.get(("ab", "before", endpoint, connections))
        rps, p99 = cell.get(("ab", endpoint, connections, "rps")), cell.get(("ab", endpoint, connections, "p99"))
        if not (this and before and rps):
            continue
        md.append(f"| {endpoint} | {connections} | {rps['pairs']} | {spread(this, 'rps', ',.0f')} | "
                  f"{spread(before, 'rps', ',.0f')} | {interval(rps, 3)} | {rps['verdict']} | {this['p99ms']:.1f} / "
                  f"{before['p99ms']:.1f} | {interval(p99)} | {this['errors']} / {before['errors']} |")
    md.append("")

delay = sorted({k[3] for k in medians if k[0] == "delay"})
if delay:
    md += ["## 2. Delay fidelity: fixed 200 ms", "",
           "Interleaved as above. Share: achieved over theoretical req/s (connections / 0.2 s); its ratio ours/upstream "
           "is the req/s ratio. p99 - 200 ms: what the delay adds at the tail. Floor: bare Jetty answering after 200 ms "
           "from a scheduler (bench/delay-floor, no WireMock), median of three runs after the pairs: what the machine, "
           "wrk and Jetty add.", "",
           "| connections | theoretical req/s | pairs | share ours / upstream | share ratio [95 %] | verdict | "
           "p99 ms ours / upstream | p99 - 200 ms ours / upstream | p99 ratio [95 %] | verdict | floor p99 - 200 ms "
           "(min-max) | errors |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for connections in delay:
        ours, upstream = medians.get(("delay", "ours", "validate", connections)), medians.get(
            ("delay", "upstream", "validate", connections))
        share, p99 = cell.get(("delay", "validate", connections, "share")), cell.get(
            ("delay", "validate", connections, "p99"))
        if not (ours and upstream and share):
            continue
        theoretical = connections / 0.2
        md.append(f"| {connections} | {theoretical:,.0f} | {share['pairs']} | {ours['rps'] / theoretical:.1%} / "
                  f"{upstream['rps'] / theoretical:.1%} | {interval(share, 3)} | {share['verdict']} | "
                  f"{spread(ours, 'p99ms', '.1f')} / {spread(upstream, 'p99ms', '.1f')} | "
                  f"{ours['p99ms'] - 200:+.1f} / {upstream['p99ms'] - 200:+.1f} | {interval(p99)} | {p99['verdict']} | "
                  f"{floor_tail(medians.get(('delay', 'floor', 'validate', connections)))} | "
                  f"{ours['errors']} / {upstream['errors']} |")
    md.append("")

replica_rows = [r for r in rows if r.get("section") == "replicas" and "ticksAfter" in r]
if replica_rows:
    names = {"memory": "one stub, sessions in memory", "store": "one stub on redis-server",
             "store3": "three replicas on redis-server, behind nginx"}
    md += ["## Replicas: the cost of the shared session store", "",
           "validate with a new csid per request (a new session each: the store's worst case), 50 connections. CPU is "
           "that of the stub processes and redis-server together (not nginx, not wrk), per request served.", "",
           "| setup | req/s | p50 ms | p99 ms | CPU µs per request | vs in memory | errors |", "|---|---|---|---|---|---|---|"]
    cost = {}
    for setup in ("memory", "store", "store3"):
        runs = [r for r in replica_rows if r["target"] == setup]
        if not runs:
            continue
        per_request = statistics.median(
            (r["ticksAfter"] - r["ticksBefore"]) / r["clockTicksPerSecond"] * 1e6 / max(1, r["wrk"]["requests"])
            for r in runs)
        cost[setup] = per_request
        m = medians[("replicas", setup, "validate", 50)]
        ratio = f"{per_request / cost['memory']:.2f}x" if "memory" in cost else "-"
        md.append(f"| {names[setup]} | {m['rps']:,.0f} | {m['p50ms']:.1f} | {m['p99ms']:.1f} | {per_request:.0f} | "
                  f"{ratio} | {m['errors']} |")
    if "memory" in cost and "store" in cost:
        md += ["", f"The store costs {cost['store'] - cost['memory']:.0f} µs of CPU per request on this machine "
                   f"(stub and redis-server together), {cost['store'] / cost['memory']:.2f}x the in-memory cost."]
    md.append("")

drivers = [r for r in rows if r.get("section") == "driver"]
if drivers:
    cores = os.cpu_count() or 1
    md += ["## 3. Driver capacity: Gatling stress ramp until the knee, stub as its own process on the same cores", "",
           "| simulation | first gate broken for two windows | injection stopped at | why | verdicts/s at the knee "
           "(busiest 5 s window, one generator) | per core | CPU: machine busy / stub's share | flows unfinished |",
           "|---|---|---|---|---|---|---|---|"]
    for d in drivers:
        r = d["results"]
        stop = r.get("stressStop", {})
        stress = r.get("stress", {})
        busy, stub = d.get("cpuBusyTicks"), d.get("stubCpuTicks")
        wall = r.get("runSeconds", 0) or 1
        busy_share = busy / (wall * 100 * cores) if busy else None  # USER_HZ = 100
        stub_share = stub / busy if busy and stub is not None else None
        for flow, f in r.get("flows", {}).items():
            knee = stop.get("atUsersPerSec")
            best = max((w["verdicts"] for w in f.get("windows", [])), default=0) / 5
            broke = stress.get("atUsersPerSec")
            md.append(f"| {r['simulation']} | {stress.get('firstBrokenGate', '-')}"
                      f"{f' at {broke:,.0f} flows/s' if broke is not None else ''} | second {stop.get('atSecond', '-')}, "
                      f"{f'{knee:,.0f}' if knee is not None else '-'} flows/s | {stop.get('reason', 'the ramp ended')} | "
                      f"{best:,.0f} | {best / cores:,.0f} | "
                      f"{'-' if busy_share is None else f'{busy_share:.0%}'} / "
                      f"{'-' if stub_share is None else f'{stub_share:.0%}'} | {f.get('unfinished', 0):,} |")
    md.append("")

peers = [r for r in rows if r.get("section") == "peer" and r.get("counts")]
if peers:
    names = {"CyberArkVerificationSimulation": "CyberArk push login", "PlainPollSimulation": "CyberArk push login",
             "IronVestValidateSimulation": "IronVest validate loop", "PlainValidateSimulation": "IronVest validate loop"}

    def per_core(r):
        c = r["counts"]
        done = c["verdicts"] + c["failed"]
        verdict_rate = r["usersPerSec"] * (c["verdicts"] / done if done else 0)
        cores = r["ticks"] / r["clockTicksPerSecond"] / r["steadySeconds"]
        return verdict_rate / cores if cores else 0, cores

    md += ["## The peer a team would write instead: verdicts per core of the whole loop", "",
           "The harness's loop simulation against our stub, and a plain Gatling simulation of the same flow (bench/peer) "
           "against upstream WireMock with static mappings, at the same injection, alternately. CPU: the Gatling JVM and "
           "its server together, over the steady part of the injection; verdicts per CPU-second. Median (min-max).", "",
           "| flow | flows/s | runs | harness + our stub: verdicts per core-second | plain + upstream | harness / plain, 95 % interval "
           "| cores busy harness / plain | calls per verdict harness / plain | failed harness / plain |",
           "|---|---|---|---|---|---|---|---|---|"]
    for flow in ("CyberArk push login", "IronVest validate loop"):
        sides = {side: [r for r in peers if names.get(r["simulation"]) == flow and r["side"] == side]
                 for side in ("harness", "plain")}
        if not (sides["harness"] and sides["plain"]):
            continue
        v = {side: [per_core(r)[0] for r in runs] for side, runs in sides.items()}
        cores = {side: statistics.median(per_core(r)[1] for r in runs) for side, runs in sides.items()}
        calls = {side: statistics.median(r["counts"]["callsPerVerdict"] for r in runs) for side, runs in sides.items()}
        failed = {side: sum(r["counts"]["failed"] for r in runs) for side, runs in sides.items()}
        fmt = lambda xs: f"{statistics.median(xs):,.0f} ({min(xs):,.0f}-{max(xs):,.0f})"
        # the runs of one number ran back to back (harness and plain in a random order): they are the pairs
        plain_by_run = {r["run"]: r for r in sides["plain"]}
        pairs = [(r, plain_by_run[r["run"]]) for r in sides["harness"] if r["run"] in plain_by_run]
        c = {"section": "peer", "endpoint": flow, "connections": None, "measure": "verdictsPerCore",
             "pairs": len(pairs),
             "harness": {"median": statistics.median(v["harness"]), "min": min(v["harness"]), "max": max(v["harness"])},
             "plain": {"median": statistics.median(v["plain"]), "min": min(v["plain"]), "max": max(v["plain"])}}
        if pairs and all(per_core(b)[0] for _, b in pairs):
            ratio, low, high = ratio_interval(pairs, lambda r: per_core(r)[0])
            c.update(ratio=round(ratio, 4), ratioLow=round(low, 4), ratioHigh=round(high, 4),
                     verdict=verdict(low, high, "the harness makes more verdicts per core",
                                     "the harness makes fewer verdicts per core"))
            ratio_text = f"{interval(c)} {c['verdict']}"
        else:
            ratio_text = "no verdicts on one side"
        md.append(f"| {flow} | {sides['harness'][0]['usersPerSec']} | {len(v['harness'])} / {len(v['plain'])} | "
                  f"{fmt(v['harness'])} | {fmt(v['plain'])} | {ratio_text} | {cores['harness']:.2f} / "
                  f"{cores['plain']:.2f} | {calls['harness']} / {calls['plain']} | {failed['harness']} / {failed['plain']} |")
        cells.append(c)
    md.append("")

soaks = [r for r in rows if r.get("section") == "soak"]
for soak in soaks:
    r = soak["results"]
    memory = r.get("memory", {})
    md += [f"## Soak: RolloutSimulation for {soak['minutes']} minutes, stub as its own process", "",
           "| flow | started | verdicts | verdicts/s | time to verdict p95 ms | failed |", "|---|---|---|---|---|---|"]
    for flow, f in r.get("flows", {}).items():
        md.append(f"| {flow} | {f['started']:,} | {f['count']:,} | {f['verdictsPerSec']} | {f['timeToVerdictMs']['p95']} | {f['failed']} |")
    md += ["", "| process | first-half peak resident MiB | second-half peak resident MiB | plateau (within 10 %) |",
           "|---|---|---|---|"]
    for name, key in (("load generator (Gatling JVM)", "driverResidentMb"), ("stub server", "stubResidentMb")):
        m = memory.get(key)
        if m:
            md.append(f"| {name} | {m['firstHalfPeak']} | {m['secondHalfPeak']} | {'yes' if m['plateau'] else 'no'} |")
    samples = memory.get("samples", [])
    if samples:
        md += ["", "| minute | Gatling heap / resident MiB | stub heap / resident MiB |", "|---|---|---|"]
        for sample in samples[::6]:
            md.append(f"| {sample['second'] / 60:.0f} | {sample['driverHeapMb']} / {sample['driverResidentMb']} | "
                      f"{sample['stubHeapMb']} / {sample['stubResidentMb']} |")
    md.append("")

memory_samples_file = os.path.join(out, "memory-samples.jsonl")
heap = [r for r in rows if r.get("section") == "memory-heap"]
if heap and os.path.exists(memory_samples_file):
    samples = [json.loads(line) for line in open(memory_samples_file) if line.strip()]
    opened = medians.get(("memory", "ours", "sessions", 10), {})
    h = heap[-1]
    per_session = (h["heapUsedAfterKb"] - h["heapUsedBeforeKb"]) * 1024 / max(1, h["liveSessions"])
    md += ["## 4. Memory: sessions opened at a paced rate, idle TTL 60 s", "",
           f"Sessions opened: {opened.get('rps', 0) * int(os.environ.get('BENCH_MEMORY_SECONDS', '300')):,.0f} "
           f"({opened.get('rps', 0):,.0f}/s, half CyberArk, half IronVest). "
           f"Heap after GC: {h['heapUsedBeforeKb'] / 1024:.0f} MiB before, {h['heapUsedAfterKb'] / 1024:.0f} MiB after with "
           f"{h['liveSessions']:,} live sessions: about {per_session:,.0f} bytes per live session, so 1,000,000 sessions "
           f"need about {per_session * 1e6 / 2**30:.2f} GiB of heap.", "",
           "| second | resident MiB | live sessions |", "|---|---|---|"]
    for s in samples:
        md.append(f"| {s['second']} | {s['rssKb'] / 1024:.0f} | {s['liveSessions']:,} |")
    md.append("")

json.dump({"machine": machine, "medians": [dict(zip(("section", "target", "endpoint", "connections"), k), **v)
                                           for k, v in sorted(medians.items())],
           "cells": cells, "warmups": warmups},
          open(os.path.join(out, "results.json"), "w"), indent=2)
open(os.path.join(out, "results.md"), "w").write("\n".join(md) + "\n")
print("\n".join(md))
