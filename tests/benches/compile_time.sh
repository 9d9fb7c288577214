#!/usr/bin/env bash
# Compile time of a small crate deriving validate-core's `Validate`, against the same crate on
# garde 0.23 and on validator 0.21.
#
# MODE=clean (the default, the contract's measurement): three crates, each a library with one
# `#[derive(Deserialize, Validate)]` struct of FIELDS (default 3) fields (a length and pattern
# field, an email field, a url field, in turn), in each library's idiom. Each crate is built
# clean: debug, CARGO_INCREMENTAL=0, its own target directory wiped before every build, offline
# from the registry cache with the workspace's Cargo.lock copied in, so that the time covers
# every dependency (serde and its derive included). The crates are built in turns, RUNS (default
# 5) rounds; the script prints each crate's best time, the ratios ours/garde (contract: at most
# 0.80) and ours/validator (at most 1.00), and the versions of syn each crate compiled, with the
# crates using each: a second syn is one of the largest units of such a build.
#
# MODE=incremental: the derive's own cost. The struct has FIELDS (default 100) fields, a length
# rule on each, and derives `Validate` alone; the dependencies are built once, then each crate
# alone is rebuilt after a `touch`, best of RUNS.
#
# Wall times on a shared machine drift: judge a change by runs of both builds in alternation,
# not by one figure. Build output goes to ${CARGO_TARGET_DIR:-target}/compile-time/<crate>.
#
# Usage: tests/benches/compile_time.sh      env: MODE (clean|incremental), FIELDS, RUNS
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
mode=${MODE:-clean}
case "$mode" in
    clean) fields=${FIELDS:-3} serde=1 ;;
    incremental) fields=${FIELDS:-100} serde=0 ;;
    *) echo "MODE is clean or incremental, not $mode" >&2; exit 2 ;;
esac
runs=${RUNS:-5}
crates=(ours garde validator)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
targets="${CARGO_TARGET_DIR:-$root/target}/compile-time"
unset CARGO_TARGET_DIR RUSTC_WRAPPER CARGO_BUILD_RUSTC_WRAPPER
# Incremental reuse would time a cache hit, not the derive and the code it generates.
export CARGO_INCREMENTAL=0

# rule_for <library> <field index>: the attribute of one field.
rule_for() {
    local rule
    case "$1:$(($2 % 3))" in
        ours:0) rule='length(min = 1, max = 64), pattern = "[a-z0-9_]+"' ;;
        garde:0) rule='length(min = 1, max = 64), pattern(r"^[a-z0-9_]+$")' ;;
        validator:0) rule='length(min = 1, max = 64), regex(path = *NAME)' ;;
        *:1) rule='email' ;;
        *:2) rule='url' ;;
    esac
    if [[ $mode == incremental && $(($2 % 3)) != 0 ]]; then rule="length(min = 1, max = 64), $rule"; fi
    case "$1" in
        garde) echo "#[garde($rule)]" ;;
        *) echo "#[validate($rule)]" ;;
    esac
}

# write_crate <library> <dependencies> <prelude> <derive path>
write_crate() {
    local dir="$work/$1" derives="$4" dependencies="$2"
    if ((serde)); then
        derives="serde::Deserialize, $derives"
        dependencies+=$'\nserde = { version = "1", features = ["derive"] }'
    fi
    mkdir -p "$dir/src"
    printf '[package]\nname = "ct-%s"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[dependencies]\n%s\n\n[workspace]\n' \
        "$1" "$dependencies" >"$dir/Cargo.toml"
    cp "$root/Cargo.lock" "$dir/Cargo.lock"
    {
        printf '%s\n\n#[derive(%s)]\npub struct Request {\n' "$3" "$derives"
        for ((i = 0; i < fields; i++)); do
            printf '    %s\n    pub field_%d: String,\n' "$(rule_for "$1" "$i")" "$i"
        done
        printf '}\n'
    } >"$dir/src/lib.rs"
}

write_crate ours "validate-core = { path = \"$root/validate-core\" }" '' 'validate_core::Validate'
write_crate garde 'garde = { version = "0.23", default-features = false, features = ["derive", "email", "url", "regex"] }' \
    '' 'garde::Validate'
write_crate validator $'validator = { version = "0.21", features = ["derive"] }\nregex = "1"' \
    'static NAME: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^[a-z0-9_]+$").unwrap());' 'validator::Validate'

# in_crate <crate> <cargo arguments>: cargo in that crate, with its own target directory.
in_crate() {
    local crate=$1
    shift
    (cd "$work/$crate" && CARGO_TARGET_DIR="$targets/$crate" cargo "$@")
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores); mode $mode, $fields fields, best of $runs"
for crate in "${crates[@]}"; do
    in_crate "$crate" fetch --quiet --offline 2>/dev/null || in_crate "$crate" fetch --quiet
    if [[ $mode == incremental ]]; then in_crate "$crate" build --quiet --offline; fi
done

# Wall time is the contract's; the CPU time (user + system, all processes of the build) beside it
# moves less when another build shares the cores.
TIMEFORMAT='%R %U %S'
declare -A best cpu
for ((run = 1; run <= runs; run++)); do
    for crate in "${crates[@]}"; do
        if [[ $mode == clean ]]; then
            rm -rf "${targets:?}/$crate"
        else
            in_crate "$crate" build --quiet --offline # validate-core may have been edited meanwhile
            touch "$work/$crate/src/lib.rs"
        fi
        timing=$( { time in_crate "$crate" build --quiet --offline 2>"$work/build.log"; } 2>&1) ||
            { cat "$work/build.log" >&2; exit 1; }
        read -r wall user system <<<"$timing"
        used=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')
        printf '  run %d %-10s %6.2f s wall  %6.2f s cpu\n' "$run" "$crate" "$wall" "$used"
        if [[ -z ${best[$crate]:-} ]] || awk -v a="$wall" -v b="${best[$crate]}" 'BEGIN { exit !(a < b) }'; then
            best[$crate]=$wall
        fi
        if [[ -z ${cpu[$crate]:-} ]] || awk -v a="$used" -v b="${cpu[$crate]}" 'BEGIN { exit !(a < b) }'; then
            cpu[$crate]=$used
        fi
    done
done

# syn_versions <crate>: each version of syn the crate compiles, with the crates that use it.
syn_versions() {
    local version users
    for version in $(in_crate "$1" tree --offline -e normal,build --prefix none --format '{p}' |
        awk '$1 == "syn" { print $2 }' | sort -uV); do
        users=$(in_crate "$1" tree --offline -e normal,build -i "syn@${version#v}" --depth 1 \
            --prefix none --format '{p}' | awk 'NR > 1 && $1 != "" { print $1 }' | sort -u | paste -sd ' ')
        printf '      syn %s: %s\n' "$version" "$users"
    done
}

echo "cargo build (debug, $mode) of one $fields-field struct, best of $runs:"
for crate in "${crates[@]}"; do
    printf '  %-10s %6.2f s wall  %6.2f s cpu\n' "$crate" "${best[$crate]}" "${cpu[$crate]}"
    syn_versions "$crate"
done
awk -v ours="${best[ours]}" -v garde="${best[garde]}" -v validator="${best[validator]}" \
    -v cpu_ours="${cpu[ours]}" -v cpu_garde="${cpu[garde]}" -v cpu_validator="${cpu[validator]}" -v mode="$mode" '
    function verdict(ratio, limit) { return mode != "clean" ? "" : ratio <= limit ? "  ok" : "  FAIL" }
    BEGIN {
        printf "ratio ours/garde:     %.2f%s   (cpu %.2f)\n", ours / garde, verdict(ours / garde, 0.80), cpu_ours / cpu_garde
        printf "ratio ours/validator: %.2f%s   (cpu %.2f)\n", ours / validator, verdict(ours / validator, 1.00),
            cpu_ours / cpu_validator
        if (mode == "clean") print "contract (clean, wall): ours/garde <= 0.80, ours/validator <= 1.00, in two runs of the script"
    }'
