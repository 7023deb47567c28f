#!/bin/sh
# Cold `glose status` against the disk's speed: drops the page cache before every run,
# then alternates an 8-way parallel `cat` of the corpus files with `glose status` (fresh
# index cache, so every article and sidecar is read), and prints both medians and their
# ratio. Dropping the cache needs root; without it the script says so and exits.
#
#   cargo build --release && cargo run --release --example gen_corpus -- DIR 100000
#   sudo benches/cold_status.sh DIR [RUNS] [GLOSE]
set -eu
dir=${1:?usage: cold_status.sh CORPUS [RUNS] [GLOSE]}
runs=${2:-3}
glose=${3:-target/release/glose}
if ! { sync && echo 3 > /proc/sys/vm/drop_caches; } 2>/dev/null; then
    echo "cold_status.sh: dropping the page cache needs root (writing /proc/sys/vm/drop_caches failed)" >&2
    exit 2
fi
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
now() { date +%s.%N; }
cold() { sync; echo 3 > /proc/sys/vm/drop_caches; }
cats="" ; gloses=""
i=1
while [ "$i" -le "$runs" ]; do
    cold
    t0=$(now)
    find "$dir" -type f -not -path '*/.git/*' -print0 | xargs -0 -P 8 -n 256 cat > /dev/null
    t1=$(now)
    cold
    rm -rf "$cache"/*
    t2=$(now)
    GLOSE_CACHE_DIR="$cache" "$glose" status "$dir" > /dev/null
    t3=$(now)
    c=$(echo "$t1 - $t0" | bc); g=$(echo "$t3 - $t2" | bc)
    printf 'run %d: cat -P8 %.2f s, glose status %.2f s, ratio %.2f\n' "$i" "$c" "$g" "$(echo "$g / $c" | bc -l)"
    cats="$cats $c"; gloses="$gloses $g"
    i=$((i + 1))
done
median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mc=$(median "$cats"); mg=$(median "$gloses")
printf 'median of %d: cat -P8 %.2f s, glose status %.2f s, ratio %.2f\n' "$runs" "$mc" "$mg" "$(echo "$mg / $mc" | bc -l)"
