#!/usr/bin/env bash
# Instructions per call of each peer workload, counted by callgrind, and the contract's ratios.
#
# Wall times on a shared machine drift (a plain serde_json parse measured 0.65 µs in one criterion
# run and 1.26 µs in the next); instruction counts do not. They are not time (a cache miss or a
# mispredicted branch costs more than an add), so the contract is still judged on `peers.rs`;
# this shows which side of it a change falls on, reproducibly.
#
# Needs valgrind. Usage: tests/benches/instructions.sh      env: ITERATIONS (default 20000)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
iterations=${ITERATIONS:-20000}
command -v valgrind >/dev/null || { echo "instructions.sh needs valgrind" >&2; exit 1; }

bin=$(cd "$here/.." && cargo bench -p validate-tests --bench instructions --no-run --message-format=json 2>/dev/null |
    python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "instructions" and m.get("executable"):
        print(m["executable"])')

# count <workload> <iterations>: total instructions of one run.
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

declare -A per_call
for workload in $("$bin" | tail -n +2); do
    base=$(count "$workload" 0)
    total=$(count "$workload" "$iterations")
    per_call[$workload]=$(( (total - base) / iterations ))
    printf '%-32s %8d instructions\n' "$workload" "${per_call[$workload]}"
done

ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
echo
printf '%-16s %-10s %s\n' group ratio contract
for shape in signup order; do
    for input in valid invalid; do
        ours=${per_call[$shape/$input/validate_core]}
        garde=${per_call[$shape/$input/garde]}
        validator=${per_call[$shape/$input/validator]}
        best=$(( garde < validator ? garde : validator ))
        limit=$([ "$input" = valid ] && echo "<= 0.33" || echo "<= 0.50")
        printf '%-16s %-10s %s\n' "$shape/$input" "$(ratio "$ours" "$best")" "$limit"
    done
    printf '%-16s %-10s %s\n' "serde/$shape" \
        "$(ratio "${per_call[serde/$shape/valid]}" "${per_call[serde/$shape/plain]}")" "<= 1.15"
done
