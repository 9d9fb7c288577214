#!/usr/bin/env bash
# The `serde/*` ratios (Valid<T> / plain serde_json) over several short criterion runs.
#
# criterion times `plain` and then `valid`, seconds apart; on a shared machine whose speed swings
# by 2x within a minute, one run's ratio can land anywhere (we have seen 0.6 and 2.0 for the same
# code). Short runs keep the two measurements close in time, and the median over runs discards the
# runs a slow spell fell on. Prints each run's ratios, then the median per group; `<group>/paired`
# is the `paired` function's own ratio (see README.md). The `serde/*_normalizing` groups are
# outside the contract: their contract column shows `-`.
#
# Usage: tests/benches/serde_ratio.sh      env: RUNS (default 9), ESTIMATE (median, see ratios.py),
#                                               FILTER (criterion filter, default `serde/`)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
runs=${RUNS:-9}
estimate=${ESTIMATE:-median}
filter=${FILTER:-serde/}
results=$(mktemp)
trap 'rm -f "$results"' EXIT

for ((run = 1; run <= runs; run++)); do
    cargo bench -q -p validate-tests --bench peers -- "$filter" \
        --warm-up-time 0.5 --measurement-time 1 --noplot >/dev/null 2>&1
    python3 "$here/ratios.py" --estimate "$estimate" |
        awk -v run="$run" '/^serde\// {
            # A row ends in "<ratio> <= <limit> <verdict>", or in "<ratio> -" outside the contract.
            contract = ($NF == "-" ? "-" : $(NF - 2) " " $(NF - 1))
            print run, $1 ($2 == "paired" ? "/paired" : ""), ($NF == "-" ? $(NF - 1) : $(NF - 3)), contract
        }' |
        tee -a "$results"
done

echo
echo "group                           median of $runs runs   contract"
sort -k2,2 -k3,3n "$results" | awk -v runs="$runs" '
    { ratio[$2, ++count[$2]] = $3; contract[$2] = $4 ($5 == "" ? "" : " " $5) }
    END {
        for (group in count) {
            middle = int((count[group] + 1) / 2)
            printf "%-31s %-21s %s\n", group, ratio[group, middle], contract[group]
        }
    }'
