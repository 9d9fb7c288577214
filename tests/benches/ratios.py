#!/usr/bin/env python3
"""Print the performance-contract ratios of the last `cargo bench -p validate-tests --bench peers`.

Reads criterion's `<target>/criterion/<group>/<function>/new/{benchmark,estimates}.json`, where
<target> is $CARGO_TARGET_DIR or the workspace's `target/`. For every group holding
`validate_core` and at least one peer, prints our time / the fastest peer's time; for every group
holding `plain` and `valid`, prints Valid<T> / the plain parse (serde_json; serde_urlencoded for
`serde/query`), and, when the group also has
`paired` (both timed in alternating turns within each sample, so that a swing of the machine's speed
lands on both alike), the median of its per-sample ratios (`paired/ratios.json`) in a second row.
Groups the contract is not defined on (`rule/*`, `serde/*_normalizing`) show `-` for a contract
and no verdict.
Ratios are what we report: absolute times depend on the machine.

Usage: python3 tests/benches/ratios.py [--estimate median|mean|slope|low] [--check]
  --estimate low   the 10th percentile of the per-iteration times of the samples (criterion's
                   `sample.json`) instead of one of criterion's estimates: on a shared machine,
                   noise only ever adds time, and a slow spell during one function's samples
                   skews the median of that function alone.
  --check   exit 1 when a ratio breaks the contract.
"""

import argparse
import json
import os
import sys
from pathlib import Path

OURS = "validate_core"
PEERS = ("garde", "validator")
# The groups the contract is defined on; the others (`rule/*`, `serde/*_normalizing`) are printed
# without a verdict.
CONTRACT = {
    "signup/valid": 1 / 3,
    "signup/invalid": 1 / 2,
    "order/valid": 1 / 3,
    "order/invalid": 1 / 2,
    "serde/signup": 1.15,
    "serde/order": 1.15,
}


def target_dir() -> Path:
    if os.environ.get("CARGO_TARGET_DIR"):
        return Path(os.environ["CARGO_TARGET_DIR"])
    return Path(__file__).resolve().parents[2] / "target"


def load(criterion: Path, estimate: str) -> dict:
    """{group: {function: nanoseconds}} from every `new/` result under `criterion`."""
    groups: dict = {}
    for meta_path in sorted(criterion.glob("**/new/benchmark.json")):
        meta = json.loads(meta_path.read_text())
        if estimate == "low":
            value = low_percentile(meta_path.parent / "sample.json")
        else:
            estimates = json.loads((meta_path.parent / "estimates.json").read_text())
            # criterion only has a slope when it sampled linearly; fall back to its mean like it
            # does.
            value = (estimates.get(estimate) or estimates["mean"])["point_estimate"]
        groups.setdefault(meta["group_id"], {})[meta["function_id"]] = value
    return groups


def paired_ratios(criterion: Path) -> dict:
    """{group: median Valid<T> / plain over the samples of `paired`} from `<group>/paired/ratios.json`."""
    medians = {}
    for path in sorted(criterion.glob("**/paired/ratios.json")):
        ratios = sorted(json.loads(path.read_text())["ratios"])
        if ratios:
            group = path.parent.parent.relative_to(criterion).as_posix()
            medians[group] = ratios[len(ratios) // 2]
    return medians


def low_percentile(sample_path: Path, percentile: float = 0.10) -> float:
    """The `percentile` of the per-iteration times of criterion's samples, in nanoseconds."""
    sample = json.loads(sample_path.read_text())
    per_iteration = sorted(t / n for t, n in zip(sample["times"], sample["iters"]))
    return per_iteration[int(percentile * (len(per_iteration) - 1))]


def contract_for(group: str):
    return CONTRACT.get(group)


def order(group: str):
    """Contract groups first, in the order of DESIGN.md: signup, order, serde, then the rest."""
    family, _, case = group.partition("/")
    families = ("signup", "order", "serde")
    rank = families.index(family) if family in families else len(families)
    return (rank, family, case != "valid", case)


def human(ns: float) -> str:
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--estimate", choices=("median", "mean", "slope", "low"), default="median")
    parser.add_argument("--check", action="store_true", help="exit 1 when a ratio breaks the contract")
    args = parser.parse_args()

    criterion = target_dir() / "criterion"
    groups = load(criterion, args.estimate)
    if not groups:
        print(f"no criterion results under {criterion}; run "
              "`cargo bench -p validate-tests --bench peers` first", file=sys.stderr)
        return 2

    paired = paired_ratios(criterion)
    rows = []
    for group, times in sorted(groups.items(), key=lambda item: order(item[0])):
        peers = {name: times[name] for name in PEERS if name in times}
        if OURS in times and peers:
            peer = min(peers, key=peers.get)
            rows.append((group, OURS, human(times[OURS]), peer, human(peers[peer]), times[OURS] / peers[peer]))
        elif "plain" in times and "valid" in times:
            ratio = times["valid"] / times["plain"]
            plain = "serde_urlencoded" if group == "serde/query" else "serde_json"
            rows.append((group, "Valid<T>", human(times["valid"]), plain, human(times["plain"]), ratio))
            if group in paired:
                # A ratio of alternating turns, not of the two times shown above.
                rows.append((group, "paired", "-", "", "-", paired[group]))

    broken = 0
    print(f"estimate: {args.estimate}; ratio = ours / baseline (lower is better)")
    header = ("group", "ours", "time", "baseline", "time", "ratio", "contract", "")
    widths = (24, 13, 10, 11, 10, 7, 9, 4)

    def line(cells) -> str:
        return "  ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip()

    print(line(header))
    for group, ours, ours_time, base, base_time, ratio in rows:
        limit = contract_for(group)
        verdict = "" if limit is None else ("ok" if ratio <= limit else "FAIL")
        broken += verdict == "FAIL"
        limit_text = "-" if limit is None else f"<= {limit:.2f}"
        print(line((group, ours, ours_time, base, base_time, f"{ratio:.2f}", limit_text, verdict)))
    return 1 if args.check and broken else 0


if __name__ == "__main__":
    sys.exit(main())
