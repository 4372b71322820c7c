#!/usr/bin/env python3
"""Turns reports/bench/raw.jsonl into results.json (medians) and results.md (tables with ratios)."""
import json
import os
import platform
import statistics
import subprocess
import sys
from collections import defaultdict

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
        "p50ms": statistics.median(r["p50ms"] for r in runs),
        "p99ms": statistics.median(r["p99ms"] for r in runs),
        "errors": sum(r["errors"] for r in runs),
    }

md = ["# Benchmark results", "",
      f"Machine: {machine['cores']} cores ({machine['cpu']}), {machine['memoryGiB']} GiB; {machine['jdk']}; "
      f"{machine['wrk']}; {machine['nginx']}. Medians of the runs shown; load from wrk, 2 threads, on the same machine.", ""]

throughput = sorted({(k[2], k[3]) for k in medians if k[0] == "throughput"})
if throughput:
    md += ["## 1. Throughput, no delay", "",
           "| endpoint | connections | ours req/s | upstream WireMock req/s | nginx req/s | ours / upstream | ours / nginx | p99 ms ours / upstream / nginx | errors |",
           "|---|---|---|---|---|---|---|---|---|"]
    for endpoint, connections in throughput:
        get = lambda target: medians.get(("throughput", target, endpoint, connections))
        ours, upstream, nginx = get("ours"), get("upstream"), get("nginx")
        if not (ours and upstream):
            continue
        # nginx is left out with BENCH_TARGETS="ours upstream"
        n = lambda key, fmt: format(nginx[key], fmt) if nginx else "-"
        md.append(f"| {endpoint} | {connections} | {ours['rps']:,.0f} | {upstream['rps']:,.0f} | {n('rps', ',.0f')} | "
                  f"{ours['rps'] / upstream['rps']:.2f}x | "
                  f"{format(ours['rps'] / nginx['rps'], '.2f') + 'x' if nginx else '-'} | "
                  f"{ours['p99ms']:.1f} / {upstream['p99ms']:.1f} / {n('p99ms', '.1f')} | "
                  f"{ours['errors']} / {upstream['errors']} / {n('errors', 'd')} |")
    md.append("")

delay = sorted({(k[1], k[3]) for k in medians if k[0] == "delay"}, key=lambda k: (k[1], k[0]))
if delay:
    md += ["## 2. Delay fidelity: fixed 200 ms", "",
           "| target | connections | theoretical req/s | achieved req/s | share | p50 ms | p99 ms | p99 - 200 ms | errors |",
           "|---|---|---|---|---|---|---|---|---|"]
    for target, connections in delay:
        m = medians[("delay", target, "validate", connections)]
        theoretical = connections / 0.2
        md.append(f"| {target} | {connections} | {theoretical:,.0f} | {m['rps']:,.0f} | {m['rps'] / theoretical:.1%} | "
                  f"{m['p50ms']:.1f} | {m['p99ms']:.1f} | {m['p99ms'] - 200:+.1f} | {m['errors']} |")
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
                                           for k, v in sorted(medians.items())]},
          open(os.path.join(out, "results.json"), "w"), indent=2)
open(os.path.join(out, "results.md"), "w").write("\n".join(md) + "\n")
print("\n".join(md))
