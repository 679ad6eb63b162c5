#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Run oopslab reproducers and judge their consoles.
#
#   run_reproducer.sh NAME [--mode MODE] [--kernel K] [--arch A] [--panic]
#                          [--timeout S] [--out DIR]
#   run_reproducer.sh --all [--kernel K|all] [--arch A] [--panic] [--out DIR]
#   run_reproducer.sh --list [--markdown]
#   run_reproducer.sh --in-guest NAME [--mode MODE] [--panic]
#                     [--i-know-this-crashes-the-host]
#   run_reproducer.sh --setup-lab-vm [--declare-only]
#   run_reproducer.sh --collect [--out DIR]
#   run_reproducer.sh NAME --lab-vm [--mode MODE] [--panic]
#                     [--crash-capture erst|ramoops|none] [--build-in-guest]
#
# On a build machine every run boots a fresh QEMU VM (KVM when it starts,
# else TCG) with the kernel K (debian-6.1, the default; debian-5.10;
# debian-6.12; debian-7; lab; a build directory; with --all, "all":
# scripts/matrix.sh) for the architecture A (x86_64, the default; arm64
# and ppc64le: debian-6.1 and debian-6.12, emulated; see
# Documentation/architectures.rst) and keeps its serial console in
# DIR/console.log.
# --in-guest runs the steps right here, which must be a declared lab VM
# (--setup-lab-vm, which also enables the crash capture it can); a run
# that crashes the machine is recorded first and judged after the reboot
# by --collect.  --lab-vm does all of that in
# the suite's full Debian lab VM (scripts/mklabvm.sh) and checks the
# verdict against the host's serial console.  Output is KTAP; the exit
# code is kselftest's: 0 pass, 1 fail, 2 usage error, 4 skip.  See
# README.md and Documentation/crash-capture.rst.
#
# Environment: OOPSLAB_BUILD moves build/; tests point OOPSLAB_TABLE at a
# table of their own and OOPSLAB_TRIGGERS at a directory of extra trigger
# programs for the initramfs (selftests/robustness.sh).

# shellcheck disable=SC2154 # R_* are set by table_load (eval)

set -u
PROG=run_reproducer
TOP=$(cd "$(dirname "$0")/.." && pwd)
TABLE=${OOPSLAB_TABLE:-$TOP/selftests/reproducers.txt}
BUILD=${OOPSLAB_BUILD:-$TOP/build}

. "$TOP/scripts/lib/common.sh"
. "$TOP/scripts/lib/arch.sh"
. "$TOP/scripts/lib/table.sh"
. "$TOP/scripts/lib/guest.sh"
. "$TOP/scripts/lib/verdict.sh"
. "$TOP/scripts/lib/labvm.sh"

usage() {
	sed -n '4,31p' "$0" | sed 's/^# \{0,1\}//'
	exit "${1:-$KSFT_USAGE}"
}

usage_error() {
	die "$KSFT_USAGE" "$*"
}

# --list: every reproducer with its modes, or the README's Markdown table.
list_table() {
	if [ "${1:-}" = markdown ]; then
		echo "| reproducer | mode | expected on debian-6.1 | what it shows |"
		echo "|---|---|---|---|"
		table_rows | while read -r n m; do
			table_load "$n" "$m" debian-6.1
			# shellcheck disable=SC2016 # Markdown backquotes
			printf '| `%s` | %s | %s | %s |\n' "$n" "$m" \
				"$R_expect" "$R_description"
		done
		return
	fi
	for n in $(table_names); do
		table_load "$n" "$(table_modes "$n" | cut -d ' ' -f 1)" none
		printf '%-12s %-24s %s\n' "$n" "$(table_modes "$n")" "$R_description"
	done
}

# ------------------------------------------------------------------ guest

# The device of oopslab.output=: a tty name, or vport:NAME, the virtio
# serial port called NAME.  Fails while it is not there; a tty is opened
# once to see (a failed "exec >" would end PID 1).
guest_output_dev() {
	case $1 in
	vport:*)
		for _p in /sys/class/virtio-ports/*; do
			[ "$(cat "$_p/name" 2>/dev/null)" = "${1#vport:}" ] || continue
			[ -c "/dev/${_p##*/}" ] || return 1
			echo "/dev/${_p##*/}"
			return 0
		done
		return 1 ;;
	*)
		(: >"/dev/$1") 2>/dev/null || return 1
		echo "/dev/$1" ;;
	esac
}

# The /init of the lab VM: the run is described on the kernel command line.
guest_from_cmdline() {
	guest_mounts
	read -r cmdline < /proc/cmdline
	for w in $cmdline; do
		case $w in
		oopslab.run=*) name=${w#*=} ;;
		oopslab.mode=*) mode=${w#*=} ;;
		oopslab.kernel=*) RUN_KERNEL=${w#*=} ;;
		oopslab.panic=*) RUN_PANIC=${w#*=} ;;
		oopslab.trigger_timeout=*) RUN_TRIGGER_TIMEOUT=${w#*=} ;;
		oopslab.output=*) output=${w#*=} ;;
		oopslab.output_modules=*) output_mods=$(echo "${w#*=}" | tr , ' ') ;;
		esac
	done
	RUN_ARCH=$(arch_of_uname "$(uname -m)")
	# Userspace to a port of its own (vm_run): the console keeps only
	# what the kernel printed.  On arm64 it is a virtio serial port, whose
	# driver is a module: load it and wait for the port.
	for m in ${output_mods:-}; do
		modprobe "$m" 2>/dev/null || kmark "modprobe $m failed: userspace output stays on the console"
	done
	i=0
	while [ -n "${output:-}" ] && ! dev=$(guest_output_dev "$output"); do
		i=$((i + 1))
		if [ "$i" -ge 50 ]; then
			kmark "$output did not appear in 5 s: userspace output stays on the console"
			output=''
			break
		fi
		sleep 0.1
	done
	[ -z "${output:-}" ] || exec >"$dev" 2>&1
	if table_load "$name" "$mode" "$RUN_KERNEL" "$RUN_ARCH"; then
		guest_run /oopslab
	else
		mark "SKIP no table row $name $mode"
	fi
	sync
	# PID 1 must never exit: power off; QEMU runs with -no-reboot.
	poweroff -f
	sleep 10
}

# --in-guest on a user's lab VM: same steps, verdict from the kernel log.
# A row that may crash the machine runs only on a declared lab VM: being
# virtualised is not enough (a developer's cloud VM is one too).
guest_direct() {
	rows=$1
	if ! labvm_is_declared && [ "$force" = 0 ]; then
		for r in $rows; do
			table_load "${r%%:*}" "${r#*:}" custom
			if [ "$R_expect" != clean ] || [ "$R_mode" != fixed ]; then
				die "$KSFT_FAIL" "refusing $R_name $R_mode: this machine is not a declared lab VM and the mode crashes kernels (run_reproducer.sh --setup-lab-vm declares it; --i-know-this-crashes-the-host to insist)"
			fi
		done
	fi
	[ "$(id -u)" = 0 ] || die "$KSFT_FAIL" "--in-guest loads modules: run as root"
	OOPSPARSE=$TOP/userspace/bin/oopsparse
	[ -x "$OOPSPARSE" ] || die "$KSFT_FAIL" "$OOPSPARSE missing: run make first"
	RUN_KERNEL=custom RUN_KVER=$(uname -r) RUN_ACCEL=none RUN_PANIC=$panic
	RUN_ARCH=$(arch_of_uname "$(uname -m)")
	ktap_begin "$rows"
	for r in $rows; do
		table_load "${r%%:*}" "${r#*:}" custom
		out=$OUTDIR/$R_name.$R_mode
		mkdir -p "$out"
		RUN_CONSOLE=$out/console.log RUN_GUESTLOG=$out/guest.log
		LABVM_RUN=''
		# may it crash the machine?  Then on disk first, for --collect.
		if [ "$R_expect" != clean ] && labvm_is_declared; then
			labvm_record "$out" || die "$KSFT_FAIL" "cannot record the run in $LABVM_STATE"
		fi
		before=$(dmesg | wc -l)
		t0=$(now_ms)
		guest_run "$TOP" 2>&1 | tee "$RUN_GUESTLOG"
		RUN_WALL_MS=$(($(now_ms) - t0))
		dmesg | tail -n "+$((before + 1))" > "$RUN_CONSOLE"
		verdict "$RUN_CONSOLE" "$RUN_GUESTLOG" "$RUN_PANIC" 0
		ktap_result
		labvm_settle
	done
	ktap_end
}

# ------------------------------------------------------------------- KTAP

ktap_begin() {
	KTAP_N=0 KTAP_PASS=0 KTAP_FAIL=0 KTAP_SKIP=0
	echo "TAP version 13"
	echo "1..$(echo "$1" | wc -w)"
}

ktap_result() {
	KTAP_N=$((KTAP_N + 1))
	id="$R_name.$R_mode.$RUN_KERNEL"
	diag "$R_name $R_mode on $RUN_KERNEL ($RUN_KVER, ${RUN_ACCEL:-none}): $V_REASON"
	[ -n "${RUN_WALL_MS:-}" ] && diag "wall time $(fmt_secs "$RUN_WALL_MS") s (boot to /init $(fmt_secs "${RUN_BOOT_MS:-0}") s); console: $RUN_CONSOLE"
	[ -n "${RUN_GUESTLOG:-}" ] && ktap_guest_output "$RUN_GUESTLOG"
	# KUnit rows: the suites' cases as a nested KTAP block.
	[ -n "${V_KTAP:-}" ] && printf '%s\n' "$V_KTAP"
	V_KTAP=''
	case $V_RESULT in
	pass) KTAP_PASS=$((KTAP_PASS + 1)); echo "ok $KTAP_N $id" ;;
	skip) KTAP_SKIP=$((KTAP_SKIP + 1)); echo "ok $KTAP_N $id # SKIP $V_REASON" ;;
	*) KTAP_FAIL=$((KTAP_FAIL + 1)); echo "not ok $KTAP_N $id" ;;
	esac
	[ -n "${RUN_CONSOLE:-}" ] && verdict_json "$(dirname "$RUN_CONSOLE")/verdict.json"
}

# What the trigger printed (the guest's userspace output, kept apart from
# the kernel's console): its last lines, then where all of it is.
ktap_guest_output() {
	[ -r "$1" ] || return 0
	_n=$(tr -d '\r' < "$1" | grep -vc '^oopslab: ')
	[ "$_n" -gt 0 ] || return 0
	tr -d '\r' < "$1" | grep -v '^oopslab: ' | tail -n 3 | sed 's/^/# trigger| /'
	diag "trigger output: $_n line(s) in $1"
}

ktap_end() {
	echo "# Totals: pass:$KTAP_PASS fail:$KTAP_FAIL xfail:0 xpass:0 skip:$KTAP_SKIP error:0"
	[ "$KTAP_FAIL" -gt 0 ] && exit "$KSFT_FAIL"
	[ "$KTAP_PASS" = 0 ] && [ "$KTAP_SKIP" -gt 0 ] && exit "$KSFT_SKIP"
	exit "$KSFT_PASS"
}

# ------------------------------------------------------------------- host

host_run() {
	rows=$1
	. "$TOP/scripts/lib/kernels.sh"
	. "$TOP/scripts/lib/vm.sh"
	RUN_KERNEL=$kernel
	case " $KERNELS " in
	*" $kernel "*) ;;
	*) [ -d "$kernel" ] || usage_error "unknown kernel '$kernel' (valid: $KERNELS, or a kernel build directory)"
	   [ "$arch" = x86_64 ] || usage_error "a kernel build directory is for x86_64 only (got --arch $arch)" ;;
	esac
	skip_all=
	if kernel_offered "$kernel" "$arch"; then
		"$TOP/scripts/deps.sh" --arch "$arch" "$kernel" || exit "$KSFT_FAIL"
	else
		skip_all="$kernel is not offered on $arch (on $arch: $KERNELS_FOREIGN; Documentation/architectures.rst)"
	fi

	ktap_begin "$rows"
	if [ -n "$skip_all" ]; then
		K_NAME=$kernel K_ARCH=$arch K_TARGET=$kernel-$arch
	elif ! kernel_resolve "$kernel" "$arch"; then
		skip_all="cannot resolve kernel $kernel on $arch"
	elif why=$(kernel_missing); then
		skip_all="$K_TARGET: $why"
	fi
	RUN_KERNEL=$K_TARGET RUN_KVER=${K_VER:-?} RUN_ARCH=$K_ARCH
	if [ -n "$skip_all" ]; then
		for r in $rows; do
			table_load "${r%%:*}" "${r#*:}" "$K_NAME" "$K_ARCH"
			RUN_CONSOLE='' RUN_GUESTLOG='' RUN_WALL_MS=''
			V_RESULT=skip V_REASON=$skip_all V_SIGNATURE=""
			ktap_result
		done
		ktap_end
	fi

	mkdir -p "$BUILD"
	progress "building triggers, parser and modules for $K_TARGET ($K_VER)"
	trap 'rm -f "${VM_INITRD:-}"' EXIT
	vm_prepare || die "$KSFT_FAIL" "$VM_ERROR"
	initrd=$VM_INITRD
	OOPSPARSE=$TOP/userspace/bin/oopsparse
	RUN_ACCEL=$(vm_accel)
	progress "VMs use $(echo "$RUN_ACCEL" | tr '[:lower:]' '[:upper:]')$( [ "$RUN_ACCEL" = tcg ] && echo ' (KVM did not start here)')"

	for r in $rows; do
		table_load "${r%%:*}" "${r#*:}" "$K_NAME" "$K_ARCH"
		out=$OUTDIR/$K_TARGET/$R_name.$R_mode$( [ "$panic" = 1 ] && echo .panic)
		[ "$single" = 1 ] && out=$OUTDIR
		mkdir -p "$out"
		RUN_CONSOLE=$out/console.log RUN_GUESTLOG=$out/guest.log
		RUN_PANIC=$panic RUN_WALL_MS='' RUN_BOOT_MS='' RUN_TIMEDOUT=0
		if [ -r "$K_CONFIG" ] && m=$(missing_config "$K_CONFIG"); then
			rm -f "$RUN_CONSOLE" "$RUN_GUESTLOG"
			V_RESULT=skip V_REASON="$K_TARGET lacks $m" V_SIGNATURE=""
			ktap_result
			continue
		fi
		progress "$R_name $R_mode on $K_TARGET: booting$( [ "$panic" = 1 ] && echo ' (panic settings)')"
		vm_run "$initrd" "$out" "$panic" "${timeout:-${R_timeout:-60}}"
		boot_note=''
		if boot_crash=$(vm_boot_crashed "$RUN_CONSOLE"); then
			# The kernel died before /init: nothing of the row had
			# run.  Kept, said, and booted once more.
			mv "$RUN_CONSOLE" "$out/console.boot-crash.log"
			boot_note="boot retried: the first boot crashed before /init ($boot_crash; $out/console.boot-crash.log)"
			progress "  $boot_note"
			vm_run "$initrd" "$out" "$panic" "${timeout:-${R_timeout:-60}}"
		else
			rm -f "$out/console.boot-crash.log"
		fi
		verdict "$RUN_CONSOLE" "$RUN_GUESTLOG" "$panic" "$RUN_TIMEDOUT"
		[ -n "$boot_note" ] && V_REASON="$V_REASON ($boot_note)"
		progress "$R_name $R_mode on $K_TARGET: $V_RESULT in $(fmt_secs "$RUN_WALL_MS") s: $V_REASON"
		ktap_result
	done
	ktap_end
}

# ---------------------------------------------------------------- lab VM

# --lab-vm: each row in the suite's full Debian lab VM (scripts/mklabvm.sh)
# as a user's own lab VM runs it: --setup-lab-vm, then --in-guest; a crash
# reboots the guest under kernel.panic and the next boot collects the
# verdict from what survived.  Passes only when that in-guest verdict and
# the host's verdict on the serial console of the same run both pass.
lab_vm_run() {
	rows=$1
	. "$TOP/scripts/lib/kernels.sh"
	. "$TOP/scripts/lib/vm.sh"
	. "$TOP/scripts/lib/labvm.sh"
	"$TOP/scripts/deps.sh" labvm || exit "$KSFT_FAIL"
	progress "lab-VM image: making it unless cached (scripts/mklabvm.sh)"
	labvm_resolve || die "$KSFT_FAIL" "the lab-VM image could not be made"
	RUN_KERNEL=labvm RUN_KVER=$K_VER
	ktap_begin "$rows"
	progress "building triggers, parser and modules for the lab VM's $K_VER"
	vm_prepare --no-initramfs || die "$KSFT_FAIL" "$VM_ERROR"
	OOPSPARSE=$TOP/userspace/bin/oopsparse
	RUN_ACCEL=$(vm_accel)
	for r in $rows; do
		# the image runs Debian 12's cloud kernel: debian-6.1's keys
		table_load "${r%%:*}" "${r#*:}" debian-6.1
		out=$OUTDIR/labvm/$R_name.$R_mode$( [ "$panic" = 1 ] && echo .panic).$capture
		[ "$single" = 1 ] && out=$OUTDIR
		mkdir -p "$out"
		RUN_CONSOLE=$out/console.log RUN_GUESTLOG=$out/guest.log RUN_PANIC=$panic
		setup=yes
		[ "$capture" = none ] && setup=none
		labvm_job "$out" "$R_name" "$R_mode" "$panic" "$setup" "$build_in_guest" ||
			die "$KSFT_FAIL" "cannot write the job for $R_name $R_mode"
		progress "$R_name $R_mode in the lab VM: booting$( [ "$panic" = 1 ] && echo ' (panic settings)'), crash capture: $capture"
		# two boots of a full distribution under TCG: minutes, not seconds
		labvm_boot "$out" "${timeout:-600}" "$capture"
		# the host's verdict: the serial consoles of both boots, as
		# the host saw them
		verdict "$RUN_CONSOLE" "$RUN_GUESTLOG" "$panic" "$RUN_TIMEDOUT"
		h_result=$V_RESULT h_reason=$V_REASON h_sig=$V_SIGNATURE
		# the guest's: the collect after the reboot, or the run itself
		g_ktap=$out/guest/collect.ktap
		[ -s "$g_ktap" ] || g_ktap=$out/guest/in-guest.ktap
		g_line=$(grep -E '^(not )?ok ' "$g_ktap" 2>/dev/null | head -n 1)
		g_reason=$(sed -n 's/^# [^ ]* [^ ]* on [^ ]* ([^)]*): //p' "$g_ktap" 2>/dev/null | head -n 1)
		case $g_line in
		'not ok'*) g_result=fail ;;
		*'# SKIP'*) g_result=skip ;;
		ok*) g_result=pass ;;
		*) g_result=fail g_reason="no in-guest result (guest log: $RUN_GUESTLOG)" ;;
		esac
		diag "in the guest: $g_result: $g_reason"
		diag "host console: $h_result: $h_reason"
		V_SIGNATURE=$h_sig
		if [ "$g_result" = pass ] && [ "$h_result" = pass ]; then
			V_RESULT=pass V_REASON="$g_reason; host console agrees"
		elif [ "$g_result" = skip ] || [ "$h_result" = skip ]; then
			V_RESULT=skip V_REASON="guest: $g_reason; host: $h_reason"
		else
			V_RESULT=fail V_REASON="guest: $g_result: $g_reason; host: $h_result: $h_reason"
		fi
		V_REASON="$V_REASON; $LABVM_BOOTS boot(s), cycle $(fmt_secs "$RUN_WALL_MS") s"
		progress "$R_name $R_mode in the lab VM: $V_RESULT in $(fmt_secs "$RUN_WALL_MS") s"
		ktap_result
	done
	ktap_end
}

# ------------------------------------------------------------------- main

name='' mode='' kernel=debian-6.1 arch=x86_64 panic=0 timeout='' OUTDIR='' all=0 list=''
in_guest=0 force=0 from_cmdline=0 setup_lab=0 declare_only='' collect=0
lab_vm=0 capture=erst build_in_guest=no
RUN_PANIC=0 RUN_KERNEL=custom

while [ $# -gt 0 ]; do
	case $1 in
	--mode) [ $# -ge 2 ] || usage_error "--mode needs a value"; mode=$2; shift ;;
	--mode=*) mode=${1#*=} ;;
	--kernel) [ $# -ge 2 ] || usage_error "--kernel needs a value"; kernel=$2; shift ;;
	--kernel=*) kernel=${1#*=} ;;
	--arch) [ $# -ge 2 ] || usage_error "--arch needs a value"; arch=$2; shift ;;
	--arch=*) arch=${1#*=} ;;
	--timeout) [ $# -ge 2 ] || usage_error "--timeout needs a value"; timeout=$2; shift ;;
	--timeout=*) timeout=${1#*=} ;;
	--out) [ $# -ge 2 ] || usage_error "--out needs a value"; OUTDIR=$2; shift ;;
	--out=*) OUTDIR=${1#*=} ;;
	--panic) panic=1 ;;
	--all) all=1 ;;
	--list) list=plain ;;
	--markdown) [ -n "$list" ] && list=markdown ;;
	--in-guest) in_guest=1 ;;
	--from-cmdline) from_cmdline=1 ;;
	--i-know-this-crashes-the-host) force=1 ;;
	--setup-lab-vm) setup_lab=1 ;;
	--declare-only) declare_only=--declare-only ;;
	--collect) collect=1 ;;
	--lab-vm) lab_vm=1 ;;
	--no-crash-capture) capture=none ;;
	--crash-capture) [ $# -ge 2 ] || usage_error "--crash-capture needs a value"; capture=$2; shift ;;
	--build-in-guest) build_in_guest=yes ;;
	-h | --help) usage 0 ;;
	-*) usage_error "unknown option $1 (see --help)" ;;
	*) [ -z "$name" ] || usage_error "one reproducer at a time (or --all)"; name=$1 ;;
	esac
	shift
done

[ "$from_cmdline" = 1 ] && guest_from_cmdline
[ -r "$TABLE" ] || die "$KSFT_FAIL" "no reproducer table at $TABLE"
if [ "$setup_lab" = 1 ]; then
	labvm_setup $declare_only
	exit 0
fi
if [ "$collect" = 1 ]; then
	OUTDIR=${OUTDIR:-$BUILD/runs}
	mkdir -p "$OUTDIR" "$LABVM_STATE" || die "$KSFT_FAIL" "cannot create $OUTDIR"
	# kept for whoever looks after the boot (oopslab-labvm, a user)
	(labvm_collect "$(cd "$OUTDIR" && pwd)") > "$LABVM_STATE/collect.ktap.tmp"
	rc=$?
	echo "# collect exit $rc" >> "$LABVM_STATE/collect.ktap.tmp"
	mv "$LABVM_STATE/collect.ktap.tmp" "$LABVM_STATE/collect.ktap"
	cat "$LABVM_STATE/collect.ktap"
	exit "$rc"
fi
if [ -n "$list" ]; then
	list_table "$list"
	exit 0
fi
# Every kernel: the matrix, two VMs at a time.
arch_known "$arch" || usage_error "unknown architecture '$arch' (valid: $ARCHES)"
if [ "$arch" != x86_64 ] && { [ "$in_guest" = 1 ] || [ "$lab_vm" = 1 ]; }; then
	usage_error "--arch is for the suite's VMs: --in-guest runs on the machine it is on, --lab-vm is x86_64"
fi
if [ "$kernel" = all ]; then
	if [ "$all" != 1 ] || [ "$in_guest" = 1 ]; then
		usage_error "--kernel all runs the matrix: use it with --all"
	fi
	set -- --arches "$arch" ${mode:+--mode "$mode"} ${timeout:+--timeout "$timeout"} ${OUTDIR:+--out "$OUTDIR"}
	[ "$panic" = 1 ] && set -- "$@" --panic
	exec "$TOP/scripts/matrix.sh" "$@"
fi
case $timeout in
'' | *[!0-9]* | 0) [ -z "$timeout" ] || usage_error "--timeout takes seconds > 0, got '$timeout'" ;;
esac

if [ "$all" = 1 ]; then
	[ -z "$name" ] || usage_error "--all and a name are exclusive"
	rows=$(table_rows | tr ' ' ':')
	[ -z "$mode" ] || rows=$(echo "$rows" | grep ":$mode\$")
	[ -n "$rows" ] || usage_error "no rows with mode '$mode'"
	single=0
else
	[ -n "$name" ] || usage_error "name a reproducer (valid: $(table_names | tr '\n' ' '| sed 's/ $//')), or --all, --list"
	table_names | grep -qx -- "$name" ||
		usage_error "unknown reproducer '$name' (valid: $(table_names | tr '\n' ' ' | sed 's/ $//'))"
	mode=${mode:-buggy}
	table_has "$name" "$mode" ||
		usage_error "$name has no mode '$mode' (valid: $(table_modes "$name"))"
	rows=$name:$mode
	single=1
fi
# One run with --out DIR writes DIR/console.log; otherwise every run gets
# DIR/KERNEL/NAME.MODE[.panic]/ under DIR (default build/runs).
[ -n "$OUTDIR" ] || single=0
OUTDIR=${OUTDIR:-$BUILD/runs}
mkdir -p "$OUTDIR" || die "$KSFT_FAIL" "cannot create $OUTDIR"
OUTDIR=$(cd "$OUTDIR" && pwd)

case $capture in
erst | ramoops | none) ;;
*) usage_error "--crash-capture takes erst, ramoops or none, got '$capture'" ;;
esac
if [ "$in_guest" = 1 ]; then
	guest_direct "$rows"
elif [ "$lab_vm" = 1 ]; then
	lab_vm_run "$rows"
else
	host_run "$rows"
fi
