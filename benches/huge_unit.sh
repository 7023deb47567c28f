#!/bin/sh
# One huge unit in the reader: makes an article of SIZE MB whose body has no sentence end
# (a title line, then one unit of SIZE MB), drives each GLOSE binary in tmux (open the
# article, `j` onto the unit, `f` to label it, `Qy` to quit) and prints, per binary: the
# time from Enter to the text on screen, from the `f` key to the label in the sidecar on
# disk, the process's peak memory (`/usr/bin/time -v`) and the sidecar's size. A step that
# takes longer than TIMEOUT seconds is reported as such and the run is stopped.
#
#   cargo build --release
#   benches/huge_unit.sh [SIZE_MB] [TIMEOUT] [GLOSE...]
#   benches/huge_unit.sh 20 120 ./glose-before target/release/glose
set -eu
size=${1:-20}
timeout=${2:-120}
shift 2 2>/dev/null || shift $#
[ $# -gt 0 ] || set -- target/release/glose
for tool in tmux /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "huge_unit.sh: needs $tool" >&2; exit 2; }
done
work=$(mktemp -d)
session=glose-huge-$$
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/corpus"
article="$work/corpus/huge.txt"
printf 'Un article sans fin\n\n' > "$article"
# Words, commas and digits but no sentence end: the whole body is one unit.
yes 'selon le ministre la situation reste grave et a déclaré que les forces armées ont tué 12 militants près de Gao, ce qui est inacceptable pour les habitants' |
    tr '\n' ' ' | head -c $((size * 1000000 - 21)) >> "$article"
printf '\n' >> "$article"
sidecar="$article.bench.ron"
now() { date +%s.%N; }
screen() { tmux capture-pane -p -t "$session" 2>/dev/null || true; }
# Waits until `cond` holds, polling every 10 ms; fails after TIMEOUT seconds.
wait_for() {
    limit=$(echo "$(now) + $timeout" | bc)
    until eval "$1"; do
        if [ "$(echo "$(now) > $limit" | bc)" = 1 ]; then return 1; fi
        sleep 0.01
    done
}
ms() { printf '%.0f' "$(echo "($2 - $1) * 1000" | bc -l)"; }
echo "article: $(wc -c < "$article") bytes, one unit after its title"
for glose in "$@"; do
    rm -f "$sidecar"
    rm -rf "$work/config" "$work/cache" && mkdir -p "$work/config" "$work/cache"
    tmux new-session -d -s "$session" -x 160 -y 50 \
        "GLOSE_CONFIG_DIR=$work/config GLOSE_CACHE_DIR=$work/cache /usr/bin/time -v -o $work/time.txt $glose --annotator bench $work/corpus"
    if ! wait_for 'screen | grep -q "huge.txt"'; then
        echo "$glose: the library did not show within ${timeout} s"; continue
    fi
    t0=$(now)
    tmux send-keys -t "$session" Enter
    if ! wait_for 'screen | grep -q "selon le ministre"'; then
        echo "$glose: the article did not open within ${timeout} s"
        tmux kill-session -t "$session"; continue
    fi
    t1=$(now)
    tmux send-keys -t "$session" j
    if ! wait_for 'screen | grep -q " 2/2 │ 0/2 labeled"'; then
        echo "$glose: open in $(ms "$t0" "$t1") ms; \`j\` did not reach the unit within ${timeout} s"
        tmux kill-session -t "$session"; continue
    fi
    t2=$(now)
    tmux send-keys -t "$session" f
    if ! wait_for 'grep -qs "label: Factual" "$sidecar"'; then
        echo "$glose: open in $(ms "$t0" "$t1") ms; the label was not on disk within ${timeout} s"
        tmux kill-session -t "$session"; continue
    fi
    t3=$(now)
    tmux send-keys -t "$session" Q
    sleep 0.2
    tmux send-keys -t "$session" y
    wait_for '! tmux has-session -t "$session" 2>/dev/null' || tmux kill-session -t "$session"
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    printf '%s: open %s ms, key to label on disk %s ms, peak memory %d MB, sidecar %d bytes\n' \
        "$glose" "$(ms "$t0" "$t1")" "$(ms "$t2" "$t3")" "$((rss / 1000))" "$(wc -c < "$sidecar")"
done
