#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Every reproducer and mode of the table, N times on one kernel: is every
# row's verdict the same on every run?
#
#   scripts/soak.sh [-n N] [--kernel K] [--arch A] [--jobs J] [--load]
#                   [--mode MODE] [--out DIR] [--report]
#
# Runs the runner's --all (the rows, modes and verdicts of the matrix) N
# times (default 20) on kernel K (default debian-6.1) for architecture A
# (default x86_64), J runners and so J
# VMs at a time (default 2, as the matrix).  --load keeps every host CPU
# but one busy with a spinning shell for the whole soak, so that the VMs
# share what is left, as when other guests run on the host.  Prints per
# row the passes out of N, each distinct failing verdict with its count,
# the median and the slowest wall time, as a Markdown table
# (DIR/soak.md) and JUnit (DIR/junit.xml); DIR defaults to
# build/soak/TARGET[-loaded] (K, or K-A off x86_64).  Exits 1 if any row failed once, or passed on
# some runs and skipped on others.  --report makes the tables again from
# the runs an earlier soak left in DIR (after a parser change, say)
# without running anything.  Not part of make check: make soak.

# shellcheck disable=SC2034 # PROG and TABLE are for the sourced libraries
set -u
PROG=soak
TOP=$(cd "$(dirname "$0")/.." && pwd)
TABLE=${OOPSLAB_TABLE:-$TOP/selftests/reproducers.txt}
BUILD=${OOPSLAB_BUILD:-$TOP/build}
. "$TOP/scripts/lib/common.sh"
. "$TOP/scripts/lib/table.sh"
. "$TOP/scripts/lib/kernels.sh"
. "$TOP/scripts/lib/prepare.sh"

n=20 kernel=debian-6.1 arch=x86_64 jobs=2 load=0 mode='' out='' report=0
while [ $# -gt 0 ]; do
	case $1 in
	-n | --runs) [ $# -ge 2 ] || die "$KSFT_USAGE" "$1 needs a value"; n=$2; shift ;;
	--runs=*) n=${1#*=} ;;
	--kernel) [ $# -ge 2 ] || die "$KSFT_USAGE" "--kernel needs a value"; kernel=$2; shift ;;
	--kernel=*) kernel=${1#*=} ;;
	--arch) [ $# -ge 2 ] || die "$KSFT_USAGE" "--arch needs a value"; arch=$2; shift ;;
	--arch=*) arch=${1#*=} ;;
	--jobs | -j) [ $# -ge 2 ] || die "$KSFT_USAGE" "--jobs needs a value"; jobs=$2; shift ;;
	--jobs=*) jobs=${1#*=} ;;
	--mode) [ $# -ge 2 ] || die "$KSFT_USAGE" "--mode needs a value"; mode=$2; shift ;;
	--mode=*) mode=${1#*=} ;;
	--out) [ $# -ge 2 ] || die "$KSFT_USAGE" "--out needs a value"; out=$2; shift ;;
	--out=*) out=${1#*=} ;;
	--load) load=1 ;;
	--report) report=1 ;;
	-h | --help) sed -n '4,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "$KSFT_USAGE" "unknown argument $1 (see --help)" ;;
	esac
	shift
done
for v in "$n" "$jobs"; do
	case $v in
	'' | *[!0-9]* | 0) die "$KSFT_USAGE" "-n and --jobs take a number > 0, got '$v'" ;;
	esac
done
case " $KERNELS " in
*" $kernel "*) kname=$kernel ;;
*) [ -d "$kernel" ] || die "$KSFT_USAGE" "unknown kernel '$kernel' (valid: $KERNELS, or a kernel build directory)"
   kname=custom ;;
esac
kernel_offered "$kernel" "$arch" ||
	die "$KSFT_USAGE" "$kernel is not offered on '$arch' (valid: $(kernel_arches "$kernel"))"
[ "$arch" = x86_64 ] || kname=$kname-$arch
[ -z "$mode" ] || table_rows | grep -q " $mode\$" ||
	die "$KSFT_USAGE" "no rows with mode '$mode'"
out=${out:-$BUILD/soak/$kname$( [ "$load" = 1 ] && echo -loaded)}
if [ "$report" = 1 ]; then
	[ -d "$out/runs" ] || die 1 "no soak runs in $out/runs"
else
	rm -rf "$out/runs"
	mkdir -p "$out/runs" || die 1 "cannot create $out"
fi
out=$(cd "$out" && pwd)
t0=$(now_ms)

if [ "$report" = 0 ]; then
	prepare_kernels "$out" "$kernel:$arch"
	prep_ms=$(($(now_ms) - t0))
fi

# ------------------------------------------------------------------ load

hogs=''
stop_hogs() {
	# shellcheck disable=SC2086 # a list of pids
	[ -n "$hogs" ] && kill $hogs 2>/dev/null
	hogs=''
}
trap 'stop_hogs' EXIT
trap 'stop_hogs; exit 130' INT TERM
nhogs=0
if [ "$load" = 1 ]; then
	nhogs=$(($(nproc) > 1 ? $(nproc) - 1 : 1))
fi
if [ "$nhogs" -gt 0 ] && [ "$report" = 0 ]; then
	i=0
	while [ "$i" -lt "$nhogs" ]; do
		sh -c 'while :; do :; done' &
		hogs="$hogs $!"
		i=$((i + 1))
	done
	progress "load: $nhogs busy loop(s) on $(nproc) CPUs for the whole soak"
fi

# ------------------------------------------------------------------ runs

# One iteration: the runner's --all into runs/I/, KTAP and progress kept.
iteration() {
	_d=$out/runs/$1
	mkdir -p "$_d"
	"$TOP/scripts/run_reproducer.sh" --all --kernel "$kernel" --arch "$arch" --out "$_d" \
		${mode:+--mode "$mode"} >"$_d.ktap" 2>"$_d.log"
	echo $? >"$_d.rc"
	progress "run $1/$n finished: $(tail -n 1 "$_d.ktap" | sed 's/^# //')"
}

if [ "$report" = 0 ]; then
	progress "$n runs of every row on $kname, $jobs at a time$( [ "$load" = 1 ] && echo ', loaded')"
	i=0
	while [ "$i" -lt "$n" ]; do
		i=$((i + 1))
		pool_throttle "$jobs"
		iteration "$i" &
		POOL_PIDS="$POOL_PIDS $!"
	done
	pool_wait
	stop_hogs
	wall_ms=$(($(now_ms) - t0))
	echo "$prep_ms $wall_ms" > "$out/times"
elif [ -r "$out/times" ]; then
	read -r prep_ms wall_ms < "$out/times"
else
	# from before "times" was kept: preparation wrote userspace.log
	# first, the last run its .rc last
	prep_ms=0
	last=$(stat -c %Y "$out"/runs/*.rc 2>/dev/null | sort -n | tail -n 1)
	[ -n "$last" ] || die 1 "no finished runs in $out/runs"
	wall_ms=$(((last - $(stat -c %Y "$out/userspace.log")) * 1000))
fi

# ---------------------------------------------------------------- report

# "name mode iter result wall_ms reason" for every run of every row; a
# run without a verdict (the runner died) is a failure that says so.
rows=$(table_rows)
[ -z "$mode" ] || rows=$(printf '%s\n' "$rows" | grep " $mode\$")
printf '%s\n' "$rows" > "$out/rows"
: > "$out/runs.tsv"
while read -r name m; do
	i=0
	while [ "$i" -lt "$n" ]; do
		i=$((i + 1))
		v=$out/runs/$i/$kname/$name.$m/verdict.json
		if [ -r "$v" ]; then
			jq -r --arg n "$name" --arg m "$m" --arg i "$i" \
				'[$n, $m, $i, .result, (.wall_ms | tostring), .reason] | @tsv' "$v"
		else
			printf '%s\t%s\t%s\tfail\t0\tno verdict (runner exit %s, see %s)\n' \
				"$name" "$m" "$i" "$(cat "$out/runs/$i.rc" 2>/dev/null)" \
				"$out/runs/$i.log"
		fi
	done
done < "$out/rows" >> "$out/runs.tsv"

# Per row: "name mode passes fails skips median_ms max_ms failing skipwhy".
# Failing verdicts are grouped with the run's [comm:pid] left out; a row
# that passed on some runs and skipped on others failed too.
awk -F '\t' -v n="$n" '
	{
		k = $1 "\t" $2
		if (!(k in seen)) { seen[k] = 1; order[++nk] = k }
		res[k, $4]++
		if ($4 != "skip") { nt[k]++; t[k, nt[k]] = $5 }
		if ($4 == "fail") {
			r = $6; sub(/ \[[^]]*:[0-9]+\]$/, "", r)
			if (!((k, r) in fr)) { fo[k, ++nf[k]] = r }
			fr[k, r]++
		}
		if ($4 == "skip") skipwhy[k] = $6
	}
	END {
		for (o = 1; o <= nk; o++) {
			k = order[o]
			# median and slowest of the runs that booted a VM
			m = nt[k] + 0; med = 0; max = 0
			for (i = 1; i <= m; i++) v[i] = t[k, i] + 0
			for (i = 2; i <= m; i++) {
				x = v[i]
				for (j = i - 1; j >= 1 && v[j] > x; j--) v[j + 1] = v[j]
				v[j + 1] = x
			}
			if (m) { med = v[int((m + 1) / 2)]; max = v[m] }
			f = ""
			for (i = 1; i <= nf[k]; i++)
				f = f (f == "" ? "" : "; ") fr[k, fo[k, i]] "x " fo[k, i]
			if (res[k, "skip"] && res[k, "pass"])
				f = f (f == "" ? "" : "; ") res[k, "skip"] "x skipped where other runs passed: " skipwhy[k]
			printf "%s\t%d\t%d\t%d\t%d\t%d\t%s\t%s\n", k, res[k, "pass"],
				res[k, "fail"], res[k, "skip"], med, max, f, skipwhy[k]
		}
	}' "$out/runs.tsv" > "$out/rows.tsv"

bad=$(awk -F '\t' '$4 > 0 || ($5 > 0 && $3 > 0) { c++ } END { print c + 0 }' "$out/rows.tsv")
accel=$(cat "$BUILD/accel.$(uname -r)" 2>/dev/null || echo '?')
release=$(jq -r .kernel_release "$out"/runs/*/"$kname"/*/verdict.json 2>/dev/null |
	grep -v '^?$' | head -n 1)
loadtxt=unloaded
[ "$load" = 1 ] && loadtxt="loaded ($nhogs busy loop(s) on the host)"
{
	# shellcheck disable=SC2016 # Markdown backquotes
	printf '| reproducer.mode (%s, `%s`) | passes | failing verdicts | median | slowest |\n' \
		"$kname" "${release:-?}"
	echo '|---|---|---|---|---|'
	awk -F '\t' -v n="$n" '
		function md(s) { gsub(/\|/, "\\|", s); return s }
		{
			if ($5 == n) {
				p = "skip: " md($9)
			} else {
				p = sprintf("%d/%d", $3, n)
				if ($5)
					p = p sprintf(", %d skipped", $5)
				if ($4 || $5)
					p = "**" p "**"
			}
			f = ($8 == "" ? "none" : md($8))
			med = ($6 ? sprintf("%.1f s", $6 / 1000) : "-")
			max = ($7 ? sprintf("%.1f s", $7 / 1000) : "-")
			printf "| `%s.%s` | %s | %s | %s | %s |\n", $1, $2, p, f, med, max
		}' "$out/rows.tsv"
	echo
	awk -F '\t' -v n="$n" -v kname="$kname" -v load="$loadtxt" -v jobs="$jobs" \
		-v accel="$(echo "$accel" | tr '[:lower:]' '[:upper:]')" -v cpus="$(nproc)" \
		-v wall="$wall_ms" -v prep="$prep_ms" -v bad="$bad" -v date="$(date -u '+%Y-%m-%d %H:%M UTC')" '
		{ p += $3; f += $4; s += $5; r++ }
		END {
			printf "%d rows x %d runs on %s, %s: %d pass, %d fail, %d skip; %d row(s) not repeatable; %s VMs, %d at a time, on %d CPUs; wall time %.1f min (%.1f min preparing); %s.\n", \
				r, n, kname, load, p, f, s, bad, accel, jobs, cpus, wall / 60000, prep / 60000, date
		}' "$out/rows.tsv"
} > "$out/soak.md"

awk -F '\t' -v n="$n" -v kname="$kname" -v wall="$wall_ms" '
	function x(s) {
		gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s)
		gsub(/"/, "\\&quot;", s); return s
	}
	{
		tests++
		c = sprintf("    <testcase classname=\"oopslab.soak.%s\" name=\"%s.%s\" time=\"%.1f\">\n", x(kname), x($1), x($2), $7 / 1000)
		if ($4 > 0 || ($5 > 0 && $3 > 0)) {
			fails++
			c = c sprintf("      <failure message=\"%s\"/>\n", x($8))
		} else if ($5 == n) {
			skips++
			c = c sprintf("      <skipped message=\"%s\"/>\n", x($9))
		}
		c = c sprintf("      <system-out>pass %d, fail %d, skip %d of %d runs; median %.1f s, slowest %.1f s</system-out>\n", $3, $4, $5, n, $6 / 1000, $7 / 1000)
		body = body c "    </testcase>\n"
	}
	END {
		print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		printf "<testsuites name=\"oopslab soak\" tests=\"%d\" failures=\"%d\" skipped=\"%d\" time=\"%.1f\">\n", tests, fails, skips, wall / 1000
		printf "  <testsuite name=\"soak.%s\" tests=\"%d\" failures=\"%d\" skipped=\"%d\" time=\"%.1f\">\n", x(kname), tests, fails, skips, wall / 1000
		printf "%s", body
		print "  </testsuite>"
		print "</testsuites>"
	}' "$out/rows.tsv" > "$out/junit.xml"

cat "$out/soak.md"
progress "$out/soak.md, $out/junit.xml, every run's console under $out/runs/"
[ "$bad" = 0 ]
