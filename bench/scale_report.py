"""The report of bench/scale.py: a table per page across the sizes, and the goals met."""

GOAL_P95_MS = 100
GOAL_RATIO = 1.5
GOAL_RSS_MB = 150
PAGES = (
    "dashboard",
    "dashboard_reason",
    "dashboard_mine",
    "api_list",
    "api_search",
    "api_cursor",
    "web_search",
    "web_last_page",
    "patient_detail",
    "program",
    "handout",
    "portal_today",
    "portal_history",
    "fhir",
    "clinic_outcomes",
    "clinic_reminders",
)


def label(size: int) -> str:
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def report(results: dict[int, dict], memory_result: dict | None) -> None:
    sizes = sorted(results)
    small, large = sizes[0], sizes[-1]
    ratio_label = f"{label(large)}/{label(small)}"
    print("\nSeeding (once per database; reused when 'reused'):")
    for size in sizes:
        how = "seeded now" if results[size]["seeded_now"] else "reused"
        print(f"  {label(size):>5} patients: {results[size]['seed_seconds']:7.1f} s ({how})")
    names = [name for name in PAGES if any(name in results[s].get("pages", {}) for s in sizes)]
    verdicts = {}
    for name in names:
        rows = {s: results[s]["pages"][name] for s in sizes if name in results[s]["pages"]}
        print(f"\n{name}: {rows[large]['path'] if large in rows else ''}")
        print(f"  {'size':>6} {'p50 ms':>8} {'p95 ms':>8} {'cpu p50':>8} {'queries':>8}")
        for size, row in rows.items():
            print(
                f"  {label(size):>6} {row['p50']:8.1f} {row['p95']:8.1f} "
                f"{row['cpu']:8.1f} {'/'.join(map(str, sorted(set(row['queries'])))):>8}"
            )
        if small not in rows or large not in rows or small == large:
            continue
        p50_ratio = rows[large]["p50"] / rows[small]["p50"]
        p95_ratio = rows[large]["p95"] / rows[small]["p95"]
        cpu_ratio = rows[large]["cpu"] / rows[small]["cpu"]
        same_queries = len({n for row in rows.values() for n in row["queries"]}) == 1
        verdicts[name] = {
            f"p95 < {GOAL_P95_MS} ms at {label(large)}": rows[large]["p95"] < GOAL_P95_MS,
            f"{ratio_label} <= {GOAL_RATIO}": p50_ratio <= GOAL_RATIO,
            "same queries": same_queries,
        }
        print(
            f"  {ratio_label} ratio: p50 {p50_ratio:.2f}, p95 {p95_ratio:.2f}, "
            f"cpu p50 {cpu_ratio:.2f} "
            f"(goal <= {GOAL_RATIO}, on p50); p95 at {label(large)} {rows[large]['p95']:.1f} ms "
            f"(goal < {GOAL_P95_MS}); queries {'the same' if same_queries else 'DIFFER'}"
        )
        slowest = rows[large]["slowest"][0] if rows[large]["slowest"] else None
        if slowest:
            print(
                f"  slowest query at {label(large)}: {slowest['ms']:.1f} ms {slowest['sql'][:150]}"
            )
    if verdicts:
        print(f"\nGoals (largest size {label(large)}, ratio {ratio_label}):")
        for name, goals in verdicts.items():
            missed = [goal for goal, met in goals.items() if not met]
            print(f"  {name:<16} {'met' if not missed else 'MISSED: ' + '; '.join(missed)}")
    if memory_result:
        before, after = memory_result["before"], memory_result["after"]
        met = after["rss"] < GOAL_RSS_MB and after["peak"] < GOAL_RSS_MB
        print(
            f"\nMemory of the process at {label(large)}, after warming up (each page once) and "
            f"after {memory_result['requests']} mixed requests (every page in turn):\n"
            f"  RSS {before['rss']:.0f} MB -> {after['rss']:.0f} MB, peak (ru_maxrss) "
            f"{before['peak']:.0f} MB -> {after['peak']:.0f} MB; goal < {GOAL_RSS_MB} MB: "
            f"{'met' if met else 'MISSED'}"
        )
