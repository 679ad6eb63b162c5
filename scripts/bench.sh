#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# What users wait for (make bench).
#
#   scripts/bench.sh [--kernel K] [--out DIR] [--no-parser]
#
# Runs the suite as make check does (run_reproducer.sh --all) on K
# (default debian-6.1), then boots the same kernel, the same way, once per
# run with an initramfs whose /init only powers off: the floor any VM run
# pays.  Prints, per reproducer and mode, the boot to /init, the time from
# the trigger's start to the first report (kernel timestamps of the
# "oopslab: trigger start" marker and of the report's first line) and the
# whole run; then the bare boots and the ratio suite time / sum of bare
# boots.  Then the parser's throughput and peak RSS on a large log
# (make -C userspace/oopsparse bench), unless --no-parser.
# Everything is kept in DIR (default build/bench).  Exit 0 when every
# run passed and everything was measured, 1 otherwise, 2 on bad usage.

set -u
PROG=bench
TOP=$(cd "$(dirname "$0")/.." && pwd)
TABLE=${OOPSLAB_TABLE:-$TOP/selftests/reproducers.txt}
BUILD=${OOPSLAB_BUILD:-$TOP/build}
. "$TOP/scripts/lib/common.sh"
. "$TOP/scripts/lib/table.sh"
. "$TOP/scripts/lib/kernels.sh"
. "$TOP/scripts/lib/vm.sh"

kernel=debian-6.1 OUT='' parser=1
while [ $# -gt 0 ]; do
	case $1 in
	--kernel) [ $# -ge 2 ] || die "$KSFT_USAGE" "--kernel needs a value"
		kernel=$2; shift ;;
	--kernel=*) kernel=${1#*=} ;;
	--out) [ $# -ge 2 ] || die "$KSFT_USAGE" "--out needs a value"
		OUT=$2; shift ;;
	--out=*) OUT=${1#*=} ;;
	--no-parser) parser=0 ;;
	-h | --help) sed -n '4,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "$KSFT_USAGE" "unknown argument $1 (see --help)" ;;
	esac
	shift
done
OUT=${OUT:-$BUILD/bench}
rm -rf "$OUT"
mkdir -p "$OUT" || die "$KSFT_FAIL" "cannot create $OUT"
OUT=$(cd "$OUT" && pwd)
status=0

# ------------------------------------------------------------ console times

# The kernel timestamp (seconds) of the first console line matching ERE.
con_ts() {
	tr -d '\r' < "$1" | grep -E -m 1 -- "$2" |
		sed -n 's/^\[ *\([0-9]*\.[0-9]*\)\].*/\1/p'
}

# The kernel timestamp of the first report the parser finds: the first
# timestamped line from the report's start_line on.
report_ts() {
	_l=$("$OOPSPARSE" --json "$1" 2>/dev/null |
		sed -n 's/.*"start_line": *\([0-9]*\).*/\1/p' | head -n 1)
	[ -n "$_l" ] || return 0
	tr -d '\r' < "$1" | tail -n "+$_l" |
		sed -n 's/^\[ *\([0-9]*\.[0-9]*\)\].*/\1/p' | head -n 1
}

# JSON number of KEY in a verdict.json
json_num() {
	sed -n "s/.*\"$2\": *\([0-9]*\).*/\1/p" "$1" | head -n 1
}
json_str_val() {
	sed -n "s/.*\"$2\": *\"\([^\"]*\)\".*/\1/p" "$1" | head -n 1
}

# a - b seconds, printed with one decimal, or "-"
sub_s() {
	if [ -n "$1" ] && [ -n "$2" ]; then
		awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a - b }'
	else
		echo -
	fi
}

# ------------------------------------------------------------------ suite

rows=$(table_rows | tr ' ' ':')
nrows=$(echo "$rows" | wc -w)

progress "the suite: $nrows runs on $kernel"
t0=$(now_ms)
"$TOP/scripts/run_reproducer.sh" --all --kernel "$kernel" --out "$OUT/runs" \
	> "$OUT/suite.ktap"
suite_rc=$?
suite_ms=$(($(now_ms) - t0))
[ "$suite_rc" = 0 ] || status=1
[ "$suite_rc" = 2 ] && exit 2
# Rows skipped for this kernel (a missing CONFIG_) boot no VM: the
# baseline is one bare boot per VM the suite booted.
nboot=$(grep -E '^(not )?ok [0-9]+ ' "$OUT/suite.ktap" | grep -vc '# SKIP')
nskip=$((nrows - nboot))
kernel_resolve "$kernel" || die "$KSFT_FAIL" "cannot resolve kernel $kernel"
if why=$(kernel_missing); then
	die "$KSFT_FAIL" "kernel $kernel is not usable: $why"
fi
OOPSPARSE=$TOP/userspace/bin/oopsparse
RUN_ACCEL=$(vm_accel)

# ------------------------------------------------------------- bare boots

# The same kernel and QEMU command line as a run (vm_run), with an
# initramfs of busybox and an /init that prints the marker vm_run takes
# as "booted" and powers off.
bare_initramfs() {
	_root=$OUT/bare-root
	rm -rf "$_root"
	mkdir -p "$_root/bin"
	cp "$(command -v busybox)" "$_root/bin/busybox" || return 1
	cat > "$_root/init" <<-'EOF'
	#!/bin/busybox sh
	/bin/busybox echo "oopslab: run bare boot"
	/bin/busybox poweroff -f
	EOF
	chmod +x "$_root/init"
	(cd "$_root" && find . | cpio -o -H newc --quiet | gzip -1) > "$1"
}

bare_initramfs "$OUT/bare.cpio.gz" || die "$KSFT_FAIL" "cannot build the bare initramfs"
R_name=bare R_mode=boot R_cmdline=''
bare_sum=0 bare_boot_sum=0 bare_kinit_sum=0 bare_min='' bare_max=0
i=0
while [ "$i" -lt "$nboot" ]; do
	i=$((i + 1))
	d=$OUT/bare/$i
	mkdir -p "$d"
	progress "bare boot $i/$nboot"
	vm_run "$OUT/bare.cpio.gz" "$d" 0 60
	if [ "$RUN_TIMEDOUT" = 1 ] || ! grep -q 'oopslab: run bare' "$d/console.log"; then
		status=1
		progress "bare boot $i did not complete: $d/console.log"
	fi
	bare_sum=$((bare_sum + RUN_WALL_MS))
	bare_boot_sum=$((bare_boot_sum + RUN_BOOT_MS))
	k=$(con_ts "$d/console.log" 'Run /init as init process')
	bare_kinit_sum=$(awk -v a="$bare_kinit_sum" -v b="${k:-0}" 'BEGIN { print a + b }')
	if [ -z "$bare_min" ] || [ "$RUN_WALL_MS" -lt "$bare_min" ]; then
		bare_min=$RUN_WALL_MS
	fi
	if [ "$RUN_WALL_MS" -gt "$bare_max" ]; then
		bare_max=$RUN_WALL_MS
	fi
done

# ------------------------------------------------------------------ table

runs_sum=0
{
	echo "oopslab bench: $K_NAME ($K_VER), $(echo "$RUN_ACCEL" | tr '[:lower:]' '[:upper:]'), $(nproc) host CPUs, $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo
	printf '%-13s %-16s %-6s %8s %8s %14s %8s\n' reproducer mode result \
		"boot" "/init" "trigger>report" total
	printf '%-13s %-16s %-6s %8s %8s %14s %8s\n' "" "" "" \
		"(host)" "(kernel)" "(kernel)" "(host)"
	for r in $rows; do
		n=${r%%:*} m=${r#*:}
		d=$OUT/runs/$K_NAME/$n.$m
		v=$d/verdict.json
		if ! [ -r "$v" ]; then
			printf '%-13s %-16s %-6s %8s %8s %14s %8s\n' "$n" "$m" none - - - -
			status=1
			continue
		fi
		wall=$(json_num "$v" wall_ms)
		boot=$(json_num "$v" boot_ms)
		res=$(json_str_val "$v" result)
		if [ "$res" = skip ]; then
			printf '%-13s %-16s %-6s %8s %8s %14s %8s\n' "$n" "$m" skip - - - -
			continue
		fi
		runs_sum=$((runs_sum + ${wall:-0}))
		c=$d/console.log
		kinit=$(con_ts "$c" 'Run /init as init process')
		start=$(con_ts "$c" 'oopslab: trigger start')
		[ -n "$start" ] || start=$(con_ts "$c" 'oopslab: insmod start')
		rep=$(report_ts "$c")
		printf '%-13s %-16s %-6s %8s %8s %14s %8s\n' "$n" "$m" "$res" \
			"$(fmt_secs "${boot:-0}")" "$(sub_s "$kinit" 0)" \
			"$(sub_s "$rep" "$start")" "$(fmt_secs "${wall:-0}")"
	done
	echo
	printf 'bare boots (/init powers off): %d, each %s s on average (min %s, max %s; boot %s s, /init at %s s kernel time)\n' \
		"$nboot" "$(awk -v s="$bare_sum" -v n="$nboot" 'BEGIN { printf "%.1f", n ? s / n / 1000 : 0 }')" \
		"$(fmt_secs "$bare_min")" "$(fmt_secs "$bare_max")" \
		"$(awk -v s="$bare_boot_sum" -v n="$nboot" 'BEGIN { printf "%.1f", n ? s / n / 1000 : 0 }')" \
		"$(awk -v s="$bare_kinit_sum" -v n="$nboot" 'BEGIN { printf "%.1f", n ? s / n : 0 }')"
	printf 'suite: %s s for %d runs, %d skipped (VMs %s s, builds and verdicts %s s); sum of bare boots %s s\n' \
		"$(fmt_secs "$suite_ms")" "$nboot" "$nskip" "$(fmt_secs "$runs_sum")" \
		"$(fmt_secs $((suite_ms - runs_sum)))" "$(fmt_secs "$bare_sum")"
	printf 'ratio: suite time / sum of bare boots = %s / %s = %s (VM runs alone: %s)\n' \
		"$(fmt_secs "$suite_ms")" "$(fmt_secs "$bare_sum")" \
		"$(awk -v a="$suite_ms" -v b="$bare_sum" 'BEGIN { printf "%.2f", b ? a / b : 0 }')" \
		"$(awk -v a="$runs_sum" -v b="$bare_sum" 'BEGIN { printf "%.2f", b ? a / b : 0 }')"
	[ "$suite_rc" = 0 ] || echo "suite: exit $suite_rc, failures in $OUT/suite.ktap"
} | tee "$OUT/table.txt"

# ----------------------------------------------------------------- parser

if [ "$parser" = 1 ]; then
	echo
	progress "parser: make -C userspace/oopsparse bench"
	if make -s -C "$TOP/userspace/oopsparse" bench > "$OUT/parser.txt" 2>&1; then
		sed 's/^/parser: /' "$OUT/parser.txt" | tee -a "$OUT/table.txt"
	else
		tail -n 20 "$OUT/parser.txt" | sed 's/^/parser: /'
		echo "parser: make -C userspace/oopsparse bench failed ($OUT/parser.txt)" |
			tee -a "$OUT/table.txt"
		status=1
	fi
fi
exit "$status"
