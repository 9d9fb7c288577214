#!/usr/bin/env bash
# Compile time of one 100-field struct derived with validate-core, garde and validator.
#
# Generates, in a temporary directory, a workspace of three tiny crates, each holding one struct
# whose every field has a length rule and one other rule (pattern, email or url in turn), builds
# their dependencies once, then times `cargo build` of each struct crate alone (touch + rebuild,
# best of $RUNS) and prints the times and the ratio ours / garde.
#
# Versions come from the workspace's Cargo.lock, so after one online run the script works offline
# from the registry cache. Build outputs live in ${CARGO_TARGET_DIR:-target}/compile-time.
#
# Usage: tests/benches/compile_time.sh        env: FIELDS (default 100), RUNS (default 3)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
fields=${FIELDS:-100}
runs=${RUNS:-3}
crates=(ours garde validator)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}/compile-time"
# Incremental reuse would time a cache hit, not the derive and the code it generates.
export CARGO_INCREMENTAL=0

# rule_for <library> <field index>: the attribute of one field.
rule_for() {
    local other
    case "$1:$(($2 % 3))" in
        ours:0) other='pattern = "[a-z0-9_]+"' ;;
        garde:0) other='pattern(r"^[a-z0-9_]+$")' ;;
        validator:0) other='regex(path = *NAME)' ;;
        *:1) other='email' ;;
        *:2) other='url' ;;
    esac
    case "$1" in
        garde) echo "#[garde(length(min = 1, max = 64), $other)]" ;;
        *) echo "#[validate(length(min = 1, max = 64), $other)]" ;;
    esac
}

# write_crate <library> <dependencies> <prelude> <derive path>
write_crate() {
    local dir="$work/$1"
    mkdir -p "$dir/src"
    printf '[package]\nname = "ct-%s"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[dependencies]\n%s\n' \
        "$1" "$2" >"$dir/Cargo.toml"
    {
        printf '%s\n\n#[derive(%s)]\npub struct Request {\n' "$3" "$4"
        for ((i = 0; i < fields; i++)); do
            printf '    %s\n    pub field_%d: String,\n' "$(rule_for "$1" "$i")" "$i"
        done
        printf '}\n'
    } >"$dir/src/lib.rs"
}

printf '[workspace]\nresolver = "3"\nmembers = ["ours", "garde", "validator"]\n' >"$work/Cargo.toml"
cp "$root/Cargo.lock" "$work/Cargo.lock"
write_crate ours "validate-core = { path = \"$root/validate-core\" }" \
    '' 'validate_core::Validate'
write_crate garde 'garde = { version = "0.23", features = ["derive", "email", "url", "regex"] }' \
    '' 'garde::Validate'
write_crate validator $'validator = { version = "0.21", features = ["derive"] }\nregex = "1"' \
    'static NAME: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^[a-z0-9_]+$").unwrap());' 'validator::Validate'

cd "$work"
build() { cargo build --quiet --offline "$@" 2>/dev/null || cargo build --quiet "$@"; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores); building dependencies once…"
build --workspace

declare -A best
for ((run = 1; run <= runs; run++)); do
    for crate in "${crates[@]}"; do
        build -p "ct-$crate" # dependencies up to date (validate-core may have been edited meanwhile)
        touch "$crate/src/lib.rs"
        start=$(date +%s%N)
        cargo build --quiet --offline -p "ct-$crate"
        elapsed=$(($(date +%s%N) - start))
        if [[ -z ${best[$crate]:-} || $elapsed -lt ${best[$crate]} ]]; then best[$crate]=$elapsed; fi
    done
done

echo "cargo build (debug) of one $fields-field struct, best of $runs:"
for crate in "${crates[@]}"; do
    awk -v name="$crate" -v ns="${best[$crate]}" 'BEGIN { printf "  %-10s %6.2f s\n", name, ns / 1e9 }'
done
awk -v ours="${best[ours]}" -v garde="${best[garde]}" -v validator="${best[validator]}" \
    'BEGIN { printf "ratio ours/garde: %.2f   (ours/validator: %.2f)\n", ours / garde, ours / validator }'
