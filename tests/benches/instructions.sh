#!/usr/bin/env bash
# Instructions per call of each peer workload, and the contract's ratios; with them the misses
# of a 32 KiB, 8-way, 64-byte-line instruction cache (this machine's L1i), both from cachegrind.
#
# Wall times on a shared machine drift (a plain serde_json parse measured 0.65 µs in one criterion
# run and 1.26 µs in the next); instruction counts do not. They are not time (a cache miss or a
# mispredicted branch costs more than an add), so the contract is still judged on `peers.rs`;
# this shows which side of it a change falls on, reproducibly. The cache misses are the other
# half: code that runs right after a serde parse finds the instruction cache full of serde's, and
# a line of ours that lands in a set serde already fills costs a miss on every call. They depend
# on where the linker put each function, so they differ between this binary and `peers.rs`'s.
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

# count <workload> <iterations>: "instructions misses" of one run.
count() {
    valgrind --tool=cachegrind --cache-sim=yes --I1=32768,8,64 --D1=49152,12,64 \
        --LL=2097152,16,64 --cachegrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 |
        tr -d , | sed -n 's/.*I *refs: *\([0-9]*\).*/\1/p; s/.*I1 *misses: *\([0-9]*\).*/\1/p' |
        paste -sd ' '
}

declare -A per_call
for workload in $("$bin" | tail -n +2); do
    read -r base base_misses <<<"$(count "$workload" 0)"
    read -r total total_misses <<<"$(count "$workload" "$iterations")"
    per_call[$workload]=$(( (total - base) / iterations ))
    misses=$(python3 -c "print(f'{round(($total_misses - $base_misses) / $iterations, 1) + 0.0:.1f}')")
    printf '%-40s %8d instructions %6s L1i misses\n' "$workload" "${per_call[$workload]}" "$misses"
done

ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
# ours / the peer with fewer instructions, for a `validate()` group.
peers_ratio() {
    local ours=${per_call[$1/validate_core]} garde=${per_call[$1/garde]} validator=${per_call[$1/validator]}
    ratio "$ours" $(( garde < validator ? garde : validator ))
}
echo
printf '%-28s %-10s %s\n' group ratio contract
for shape in signup order; do
    printf '%-28s %-10s %s\n' "$shape/valid" "$(peers_ratio "$shape/valid")" "<= 0.33"
    printf '%-28s %-10s %s\n' "$shape/invalid" "$(peers_ratio "$shape/invalid")" "<= 0.50"
done
for group in serde/signup serde/order serde/signup_normalizing serde/order_normalizing; do
    contract=$([[ $group == *_normalizing ]] && echo - || echo "<= 1.15")
    printf '%-28s %-10s %s\n' "$group" \
        "$(ratio "${per_call[$group/valid]}" "${per_call[$group/plain]}")" "$contract"
done
for group in rule/pattern_regex rule/url_any_scheme; do
    printf '%-28s %-10s %s\n' "$group" "$(peers_ratio "$group")" -
done
