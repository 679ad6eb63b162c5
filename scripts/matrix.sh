#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Every reproducer and mode of the table on every kernel and architecture:
# the matrix.
#
#   scripts/matrix.sh [--kernels "K ..."] [--arches "A ..."] [--jobs N]
#                     [--mode MODE] [--panic] [--timeout S] [--out DIR]
#
# A column is a kernel on an architecture (a target: KERNEL on x86_64,
# KERNEL-ARCH on the others, for the kernels offered there: kernel_arches
# in scripts/lib/kernels.sh); --arches defaults to all of them.  Runs
# selftests/run.sh (the runner's --all, after the table checks) once per
# target, so modules and the initramfs are built once per target, with N
# targets (default 2, so two VMs) at a time; the lab kernel is built
# first when needed.  Writes DIR/matrix.md (rows: reproducer.mode;
# columns: targets; cells: verdict, signature, wall time), DIR/junit.xml,
# DIR/TARGET.ktap and DIR/runs/TARGET/NAME.MODE/{console.log,verdict.json}
# (DIR defaults to build/matrix).  Exits 1 if any cell failed, 0 otherwise
# (skips are not failures).  Needs jq (scripts/deps.sh --for check).
#
# Also reached as: scripts/run_reproducer.sh --all --kernel all

# shellcheck disable=SC2034 # PROG and TABLE are for the sourced libraries
set -u
PROG=matrix
TOP=$(cd "$(dirname "$0")/.." && pwd)
TABLE=${OOPSLAB_TABLE:-$TOP/selftests/reproducers.txt}
BUILD=${OOPSLAB_BUILD:-$TOP/build}
. "$TOP/scripts/lib/common.sh"
. "$TOP/scripts/lib/table.sh"
. "$TOP/scripts/lib/kernels.sh"
. "$TOP/scripts/lib/prepare.sh"

kernels=$KERNELS arches=$ARCHES jobs=2 out='' runner_args=''
while [ $# -gt 0 ]; do
	case $1 in
	--kernels) [ $# -ge 2 ] || die "$KSFT_USAGE" "--kernels needs a value"; kernels=$2; shift ;;
	--kernels=*) kernels=${1#*=} ;;
	--arches) [ $# -ge 2 ] || die "$KSFT_USAGE" "--arches needs a value"; arches=$2; shift ;;
	--arches=*) arches=${1#*=} ;;
	--jobs | -j) [ $# -ge 2 ] || die "$KSFT_USAGE" "--jobs needs a value"; jobs=$2; shift ;;
	--jobs=*) jobs=${1#*=} ;;
	--out) [ $# -ge 2 ] || die "$KSFT_USAGE" "--out needs a value"; out=$2; shift ;;
	--out=*) out=${1#*=} ;;
	--mode | --timeout)
		[ $# -ge 2 ] || die "$KSFT_USAGE" "$1 needs a value"
		runner_args="$runner_args $1 $2"; shift ;;
	--mode=* | --timeout=* | --panic) runner_args="$runner_args $1" ;;
	-h | --help) sed -n '4,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "$KSFT_USAGE" "unknown argument $1 (see --help)" ;;
	esac
	shift
done
case $jobs in
'' | *[!0-9]* | 0) die "$KSFT_USAGE" "--jobs takes a number > 0, got '$jobs'" ;;
esac
for k in $kernels; do
	case " $KERNELS " in
	*" $k "*) ;;
	*) [ -d "$k" ] || die "$KSFT_USAGE" "unknown kernel '$k' (valid: $KERNELS, or a kernel build directory)" ;;
	esac
done
for a in $arches; do
	arch_known "$a" || die "$KSFT_USAGE" "unknown architecture '$a' (valid: $ARCHES)"
done
# The targets, "KERNEL:ARCH", in the order they run: lab first (the
# longest column), then the emulated architectures, then the rest.
on_x86=0
case " $arches " in *" x86_64 "*) on_x86=1 ;; esac
targets=$(
	if [ "$on_x86" = 1 ]; then
		for k in $kernels; do [ "$k" != lab ] || echo lab:x86_64; done
	fi
	for a in $arches; do
		[ "$a" = x86_64 ] && continue
		for k in $kernels; do
			kernel_offered "$k" "$a" && echo "$k:$a"
		done
	done
	if [ "$on_x86" = 1 ]; then
		for k in $kernels; do [ "$k" = lab ] || echo "$k:x86_64"; done
	fi
	: )
[ -n "$targets" ] || die "$KSFT_USAGE" "no kernel of \"$kernels\" is offered on \"$arches\""
targets=$(echo "$targets" | tr '\n' ' ')
out=${out:-$BUILD/matrix}
mkdir -p "$out" || die 1 "cannot create $out"
out=$(cd "$out" && pwd)
t0=$(now_ms)

# ------------------------------------------------------------ preparation
# shellcheck disable=SC2086 # word list
prepare_kernels "$out" $targets

# ---------------------------------------------------------------- runs
# One runner per target, at most $jobs at a time, the longest (lab: KASAN
# and lockdep under TCG) first.  Their progress is prefixed by target.
prep_ms=$(($(now_ms) - t0))

# The name the runner gives target KERNEL:ARCH (K_TARGET): the column,
# the runs directory.
tname() {
	_tk=${1%:*} _ta=${1##*:}
	case " $KERNELS " in
	*" $_tk "*) ;;
	*) _tk=custom ;;
	esac
	if [ "$_ta" = x86_64 ]; then echo "$_tk"; else echo "$_tk-$_ta"; fi
}

run_kernel() {
	_k=${1%:*} _a=${1##*:} _n=$(tname "$1")
	rm -rf "$out/runs/$_n" "$out/$_n.ktap" "$out/$_n.rc"
	progress "$_n: started"
	(
		# shellcheck disable=SC2086 # word list
		"$TOP/selftests/run.sh" --kernel "$_k" --arch "$_a" --out "$out/runs" $runner_args \
			>"$out/$_n.ktap"
		echo $? >"$out/$_n.rc"
	) 2>&1 | tee "$out/$_n.log" | sed -u "s|^|$_n: |" >&2
	progress "$_n: finished ($(tail -n 1 "$out/$_n.ktap" 2>/dev/null))"
}

for k in $targets; do
	pool_throttle "$jobs"
	run_kernel "$k" &
	POOL_PIDS="$POOL_PIDS $!"
done
pool_wait
wall_ms=$(($(now_ms) - t0))

# ---------------------------------------------------------------- report

# "result<TAB>signature<TAB>reason<TAB>wall_ms<TAB>release<TAB>console" of
# one cell, from the run's verdict.json, else from the KTAP line.
cell() {
	_v=$out/runs/$2/$3.$4/verdict.json
	if [ -r "$_v" ]; then
		# A skipped row has no signature, and its console may not exist.
		jq -r 'if .result == "skip" then .signature = "" | .console = "" else . end |
			[.result, .signature, .reason, (.wall_ms | tostring),
			.kernel_release, .console] | @tsv' "$_v"
		return
	fi
	_l=$(grep -E "^(not )?ok [0-9]+ $3\\.$4\\.$2( |\$)" "$out/$2.ktap" 2>/dev/null)
	case $_l in
	'') printf 'fail\t\tno result (runner exit %s, see %s)\t0\t\t\n' \
		"$(cat "$out/$2.rc" 2>/dev/null)" "$out/$2.log" ;;
	*'# SKIP '*) printf 'skip\t\t%s\t0\t\t\n' "${_l#*# SKIP }" ;;
	'not ok'*) printf 'fail\t\tsee %s\t0\t\t\n' "$out/$2.ktap" ;;
	*) printf 'pass\t\t\t0\t\t\n' ;;
	esac
}

table_rows > "$out/rows"
: > "$out/cells.tsv"
while read -r name mode; do
	for k in $targets; do
		n=$(tname "$k")
		printf '%s\t%s\t%s\t%s\n' "$name" "$mode" "$n" "$(cell "$k" "$n" "$name" "$mode")"
	done
done < "$out/rows" >> "$out/cells.tsv"

# Columns by architecture, then kernel, as given; the release from any
# run on that target.
cols=$(for a in $arches; do
	for k in $kernels; do
		case " $targets " in
		*" $k:$a "*) tname "$k:$a" ;;
		esac
	done
done)
releases=$(for c in $cols; do
	r=$(awk -F '\t' -v k="$c" '$3 == k && $8 != "" { print $8; exit }' "$out/cells.tsv")
	echo "$c ${r:-?}"
done)

{
	printf '| reproducer.mode |'
	# shellcheck disable=SC2016 # Markdown backquotes
	echo "$releases" | while read -r c r; do printf ' %s (`%s`) |' "$c" "$r"; done
	printf '\n|---|'
	for c in $cols; do printf -- '---|'; done
	printf '\n'
	while read -r name mode; do
		# shellcheck disable=SC2016 # Markdown backquotes
		printf '| `%s.%s` |' "$name" "$mode"
		for c in $cols; do
			awk -F '\t' -v n="$name" -v m="$mode" -v k="$c" '
				function md(s) { gsub(/\|/, "\\|", s); return s }
				$1 == n && $2 == m && $3 == k {
					t = sprintf("%.1f s", $7 / 1000)
					if ($4 == "pass")
						printf " pass: %s, %s |", md($5), t
					else if ($4 == "skip")
						printf " skip: %s |", md($6)
					else
						printf " **FAIL**: %s%s |", md($6), ($7 > 0 ? ", " t : "")
				}' "$out/cells.tsv"
		done
		printf '\n'
	done < "$out/rows"
} > "$out/matrix.md.tmp"

awk -F '\t' '{ c[$4]++ } END { printf "%d cells: %d pass, %d fail, %d skip", NR, c["pass"], c["fail"] + 0, c["skip"] + 0 }' \
	"$out/cells.tsv" > "$out/summary"
# what the VMs really ran on (the emulated architectures are always TCG)
accel=$(cat "$out"/runs/*/*/verdict.json 2>/dev/null | jq -r .accel 2>/dev/null |
	grep -vx none | sort -u | tr '\n' '+' | sed 's/+$//')
accel=${accel:-?}
{
	cat "$out/matrix.md.tmp"
	echo
	printf '%s; %s VMs, %s at a time, on %s CPUs; wall time %s min, of which %s min preparing (packages, builds, the lab kernel); %s.\n' \
		"$(cat "$out/summary")" "$(echo "$accel" | tr '[:lower:]' '[:upper:]')" \
		"$jobs" "$(nproc)" "$(awk -v ms="$wall_ms" 'BEGIN { printf "%.1f", ms / 60000 }')" \
		"$(awk -v ms="$prep_ms" 'BEGIN { printf "%.1f", ms / 60000 }')" \
		"$(date -u '+%Y-%m-%d %H:%M UTC')"
} > "$out/matrix.md"
rm -f "$out/matrix.md.tmp"

# JUnit XML: one testsuite per kernel, one testcase per row.
awk -F '\t' -v cols="$cols" -v wall="$wall_ms" '
	function x(s) {
		gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s)
		gsub(/"/, "\\&quot;", s); return s
	}
	{
		k = $3; n[k]++; t[k] += $7 / 1000
		if ($4 == "fail") f[k]++
		if ($4 == "skip") s[k]++
		c = sprintf("    <testcase classname=\"oopslab.%s\" name=\"%s.%s\" time=\"%.1f\">\n", x(k), x($1), x($2), $7 / 1000)
		if ($4 == "fail")
			c = c sprintf("      <failure message=\"%s\"/>\n", x($6))
		else if ($4 == "skip")
			c = c sprintf("      <skipped message=\"%s\"/>\n", x($6))
		if ($5 != "" || $9 != "")
			c = c sprintf("      <system-out>%s%s</system-out>\n", x($5 != "" ? "signature: " $5 "\n" : ""), x($9 != "" ? "console: " $9 : ""))
		body[k] = body[k] c "    </testcase>\n"
		all++; if ($4 == "fail") fall++; if ($4 == "skip") sall++
	}
	END {
		print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		printf "<testsuites name=\"oopslab matrix\" tests=\"%d\" failures=\"%d\" skipped=\"%d\" time=\"%.1f\">\n", all, fall, sall, wall / 1000
		nc = split(cols, K, /[ \n]+/)
		for (i = 1; i <= nc; i++) {
			k = K[i]; if (k == "" || !(k in n)) continue
			printf "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" skipped=\"%d\" time=\"%.1f\">\n", x(k), n[k], f[k], s[k], t[k]
			printf "%s", body[k]
			print "  </testsuite>"
		}
		print "</testsuites>"
	}' "$out/cells.tsv" > "$out/junit.xml"

cat "$out/matrix.md"
progress "$(cat "$out/summary") in $(fmt_secs "$wall_ms") s; $out/matrix.md, $out/junit.xml"
awk -F '\t' '$4 == "fail" { bad = 1 } END { exit bad }' "$out/cells.tsv"
