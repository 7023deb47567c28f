#!/bin/sh
# `glose suggest --json` end to end on a long text: makes a file of the sample articles
# repeated COPIES times (200 gives 6.46 MB) in a fresh folder (no labels, so the rules
# suggest), runs each GLOSE binary on it ROUNDS times in turn, alternating binaries so a
# noisy machine weighs on all alike, and prints per binary the median and fastest wall
# time and the median MB/s. Checks first that every binary prints the same bytes.
#
#   cargo build --release
#   benches/suggest_speed.sh [ROUNDS] [COPIES] [GLOSE...]
#   benches/suggest_speed.sh 31 200 ./glose-before target/release/glose
set -eu
rounds=${1:-21}
copies=${2:-200}
shift 2 2>/dev/null || shift $#
[ $# -gt 0 ] || set -- target/release/glose
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/home"
export GLOSE_CONFIG_DIR="$work/home" GLOSE_CACHE_DIR="$work/home/cache"
file="$work/corpus/long.txt"
i=0
while [ "$i" -lt "$copies" ]; do
    for a in "$here"/sample_corpus/*.txt; do
        cat "$a"
        printf '\n\n'
    done
    i=$((i + 1))
done > "$file"
bytes=$(wc -c < "$file")
echo "file: $bytes bytes; $rounds rounds"
first=""
for g in "$@"; do
    sum=$("$g" suggest --json "$file" 2>/dev/null | cksum)
    [ -z "$first" ] && first=$sum
    [ "$sum" = "$first" ] || echo "warning: $g prints other bytes than $1" >&2
done
r=0
while [ "$r" -lt "$rounds" ]; do
    n=0
    for g in "$@"; do
        t0=$(date +%s%N)
        "$g" suggest --json "$file" > /dev/null 2>&1
        t1=$(date +%s%N)
        echo "$n $(((t1 - t0) / 1000000))" >> "$work/times"
        n=$((n + 1))
    done
    r=$((r + 1))
done
n=0
for g in "$@"; do
    grep "^$n " "$work/times" | cut -d' ' -f2 | sort -n > "$work/sorted"
    count=$(wc -l < "$work/sorted")
    median=$(sed -n "$(((count + 1) / 2))p" "$work/sorted")
    fastest=$(head -n 1 "$work/sorted")
    mbs=$(awk -v b="$bytes" -v ms="$median" 'BEGIN { printf "%.1f", b / ms / 1000 }')
    echo "$g: median $median ms ($mbs MB/s), fastest $fastest ms"
    n=$((n + 1))
done
