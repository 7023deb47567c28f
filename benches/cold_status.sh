#!/bin/sh
# A cold glose command against the disk's speed: drops the page cache before every run,
# then alternates an 8-way parallel `cat` of the files the command reads with the command
# (fresh index cache, so every file is read), and prints both medians and their ratio.
# COMMAND defaults to `status` (which reads every article and sidecar); `agree` and
# `export` read only the labeled articles and their sidecars, so give NAME=labeled and
# `cat` reads just those (NAME may also be a `find -name` pattern). Dropping the cache
# needs root; without it the script says so and exits.
#
#   cargo build --release && cargo run --release --example gen_corpus -- DIR 100000
#   sudo benches/cold_status.sh DIR [RUNS] [GLOSE] [COMMAND] [NAME]
#   sudo benches/cold_status.sh DIR 3 target/release/glose agree labeled
set -eu
dir=${1:?usage: cold_status.sh CORPUS [RUNS] [GLOSE] [COMMAND] [NAME]}
runs=${2:-3}
glose=${3:-target/release/glose}
command=${4:-status}
name=${5:-*}
if ! { sync && echo 3 > /proc/sys/vm/drop_caches; } 2>/dev/null; then
    echo "cold_status.sh: dropping the page cache needs root (writing /proc/sys/vm/drop_caches failed)" >&2
    exit 2
fi
cache=$(mktemp -d)
trap 'rm -rf "$cache" "$cache.list"' EXIT
now() { date +%s.%N; }
# The files the command reads, NUL-separated: sidecars are `ARTICLE.NAME.ron`. For
# `labeled` the list is made before the runs, and each timed run walks the tree (as glose
# must, to find the sidecars) and then reads the list.
list="$cache.list"
if [ "$name" = labeled ]; then
    find "$dir" -type f -name '*.ron' -not -path '*/.git/*' |
        sed 's/\.[^.]*\.ron$//' | sort -u |
        while IFS= read -r a; do printf '%s\0' "$a" "$a".*.ron; done > "$list"
fi
files() {
    if [ "$name" = labeled ]; then
        find "$dir" -not -path '*/.git/*' > /dev/null
        cat "$list"
    else
        find "$dir" -type f -name "$name" -not -path '*/.git/*' -print0
    fi
}
cold() { sync; echo 3 > /proc/sys/vm/drop_caches; }
cats="" ; gloses=""
i=1
while [ "$i" -le "$runs" ]; do
    cold
    t0=$(now)
    files | xargs -0 -P 8 -n 256 cat > /dev/null
    t1=$(now)
    cold
    rm -rf "$cache"/*
    t2=$(now)
    # shellcheck disable=SC2086 # COMMAND may hold options
    GLOSE_CACHE_DIR="$cache" "$glose" $command "$dir" > /dev/null
    t3=$(now)
    c=$(echo "$t1 - $t0" | bc); g=$(echo "$t3 - $t2" | bc)
    printf 'run %d: cat -P8 %.2f s, glose %s %.2f s, ratio %.2f\n' "$i" "$c" "$command" "$g" "$(echo "$g / $c" | bc -l)"
    cats="$cats $c"; gloses="$gloses $g"
    i=$((i + 1))
done
median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mc=$(median "$cats"); mg=$(median "$gloses")
printf 'median of %d: cat -P8 %.2f s, glose %s %.2f s, ratio %.2f\n' "$runs" "$mc" "$command" "$mg" "$(echo "$mg / $mc" | bc -l)"
