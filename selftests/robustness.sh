#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Robustness of the runner (part of make check): every way a run can go
# wrong must end in one clear line and the documented exit code (2 usage,
# 1 fail, 4 skip), and every VM run must leave its console on disk.
#
#   selftests/robustness.sh [--kernel K]
#
# The VM cases use the test-only table and triggers in selftests/robustness/
# (OOPSLAB_TABLE, OOPSLAB_TRIGGERS) and boot the default kernel, or K.
# Everything they write is under build/robustness/.  KTAP on stdout; exit 0
# when every case behaves, 1 otherwise.

set -u
here=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$here/.." && pwd)
. "$here/ktap_helpers.sh"
RUNNER=$TOP/scripts/run_reproducer.sh
TOPBUILD=${OOPSLAB_BUILD:-$TOP/build}
RB=$TOPBUILD/robustness
kernel=debian-6.1

case ${1:-} in
--kernel) [ $# -ge 2 ] || { echo "robustness.sh: --kernel needs a value" >&2; exit 2; }
	kernel=$2 ;;
-h | --help) sed -n '4,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
'') ;;
*) echo "robustness.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
esac

CASES=14

# run CASE CMD...: run the runner, keep its output in $RB/CASE/.
run() {
	_case=$1
	shift
	mkdir -p "$RB/$_case"
	"$@" >"$RB/$_case/stdout" 2>"$RB/$_case/stderr"
	RC=$?
}

# usage_case CASE ERE ARGS...: a usage error: exit 2, nothing on stdout,
# exactly one line on stderr, matching ERE.
usage_case() {
	_c=$1 _ere=$2
	shift 2
	run "$_c" "$RUNNER" --out "$RB/$_c/out" "$@"
	_msg=$(cat "$RB/$_c/stderr")
	echo "# $_c: exit $RC: $_msg"
	WHY=
	if [ "$RC" != 2 ]; then
		WHY="exit $RC, expected 2"
	elif [ -s "$RB/$_c/stdout" ]; then
		WHY="printed on stdout: $(head -n 1 "$RB/$_c/stdout")"
	elif [ "$(wc -l < "$RB/$_c/stderr")" != 1 ]; then
		WHY="$(wc -l < "$RB/$_c/stderr") lines on stderr, expected 1"
	elif ! printf '%s\n' "$_msg" | grep -Eq -- "$_ere"; then
		WHY="message does not match /$_ere/"
	fi
	ktap_result "$_c"
}

# ktap_case CASE WANT ERE ARGS...: a run that reaches KTAP: exit WANT, one
# result line, and its reason (the diagnostic line the runner prints for
# the run) matching ERE.
ktap_case() {
	_c=$1 _want=$2 _ere=$3
	shift 3
	run "$_c" "$RUNNER" "$@"
	_line=$(grep -E '^(not )?ok ' "$RB/$_c/stdout")
	_reason=$(sed -n 's/^# [^ ]* [^ ]* on [^ ]* ([^)]*): //p' "$RB/$_c/stdout" | head -n 1)
	echo "# $_c: exit $RC: $_reason"
	WHY=
	if [ "$RC" != "$_want" ]; then
		WHY="exit $RC, expected $_want; stderr: $(tail -n 3 "$RB/$_c/stderr" | tr '\n' ' ')"
	elif [ "$(printf '%s\n' "$_line" | grep -c .)" != 1 ]; then
		WHY="expected one KTAP result line, got: $_line"
	elif ! printf '%s\n' "$_reason" | grep -Eq -- "$_ere"; then
		WHY="reason does not match /$_ere/"
	fi
}

# vm_case CASE WANT ERE GUEST_ERE MODE [ARGS...]: a run of a test row in
# a VM; its console must be on disk, and its guest log (what userspace
# printed, on the VM's second serial port) must match GUEST_ERE.
vm_case() {
	_c=$1 _want=$2 _ere=$3 _gere=$4 _mode=$5
	shift 5
	ktap_case "$_c" "$_want" "$_ere" robust --mode "$_mode" \
		--kernel "$kernel" --out "$RB/$_c/out" "$@"
	_con=$RB/$_c/out/console.log
	_glog=$RB/$_c/out/guest.log
	if [ -z "$WHY" ]; then
		if ! [ -s "$_con" ]; then
			WHY="no console log at $_con"
		elif ! grep -Eq -- "$_gere" "$_glog"; then
			WHY="guest log $_glog does not match /$_gere/"
		elif grep -q '^oopslab: ' "$_con"; then
			WHY="userspace's markers are on the kernel's console $_con"
		fi
	fi
	echo "# $_c: console: $_con ($(wc -l < "$_con" 2>/dev/null || echo 0) lines), guest log: $(wc -l < "$_glog" 2>/dev/null || echo 0) lines"
	ktap_result "$_c"
}

echo "TAP version 13"
echo "1..$CASES"

rm -rf "$RB"
mkdir -p "$RB" || exit 1
first=$("$RUNNER" --list | awk 'NR == 1 { print $1 }')

usage_case unknown-reproducer "unknown reproducer 'no-such-reproducer'" \
	no-such-reproducer
usage_case unknown-mode "$first has no mode 'no-such-mode' \\(valid: " \
	"$first" --mode no-such-mode
usage_case unknown-option "unknown option --no-such-option" \
	"$first" --no-such-option
usage_case bad-timeout "--timeout takes seconds > 0, got 'soon'" \
	"$first" --timeout soon
usage_case unknown-kernel "unknown kernel 'no-such-kernel' \\(valid: " \
	"$first" --kernel no-such-kernel
usage_case unknown-arch "unknown architecture 'sparc' \\(valid: x86_64 arm64 ppc64le\\)" \
	"$first" --arch sparc
# A kernel not offered on an architecture: every row skips, naming it,
# and nothing is fetched or booted.
ktap_case kernel-not-on-arch 4 "debian-5.10 is not offered on arm64 \\(on arm64: debian-6.1 debian-6.12; " \
	"$first" --kernel debian-5.10 --arch arm64 --out "$RB/kernel-not-on-arch/out"
ktap_result kernel-not-on-arch

# Missing headers: a kernel "build directory" with a release and an image
# but no Makefile, as when only linux-image is installed.
fake=$RB/fake-kernel
mkdir -p "$fake/include/config" "$fake/arch/x86/boot"
echo 0.0.0-oopslab-fake > "$fake/include/config/kernel.release"
: > "$fake/arch/x86/boot/bzImage"
ktap_case missing-headers 4 "no Makefile in $fake" \
	"$first" --kernel "$fake" --out "$RB/missing-headers/out"
ktap_result missing-headers

# The VM cases: the test table and its triggers; a build directory of
# their own, so that the test initramfs never replaces the suite's.  The
# KVM probe's answer is reused rather than probed again.
export OOPSLAB_TABLE="$here/robustness/reproducers.txt"
export OOPSLAB_TRIGGERS="$here/robustness/bin"
export OOPSLAB_BUILD="$RB/build"
mkdir -p "$OOPSLAB_BUILD"
cp "$TOPBUILD"/accel.* "$OOPSLAB_BUILD/" 2>/dev/null

usage_case test-table "unknown reproducer 'dirpro-kill' \\(valid: robust\\)" \
	dirpro-kill
vm_case module-fails-to-load 1 \
	"module did not load: .*Invalid argument" \
	"oopslab: insmod dirpro_kill: failed" noload
vm_case trigger-crashes 1 \
	"trigger exited 139 \\(killed by SIGSEGV\\), expected 0" \
	"oopslab: trigger exit 139" crash
vm_case trigger-timeout 1 \
	"trigger exited 143 \\(timed out after 10 s\\), expected 0" \
	"oopslab: trigger timed out after 10 s" trigger-timeout --timeout 20
vm_case guest-never-finishes 1 \
	"VM timed out before the trigger finished" \
	"hang: sleeping forever" hang --timeout 15

# A kernel that dies before /init: the first console kept beside the
# second, and the retry named in the verdict (it then fails: the second
# boot dies too).
ktap_case boot-crash 1 "boot retried: the first boot crashed before /init \\(kernel panic: " \
	robust --mode boot-crash --kernel "$kernel" --out "$RB/boot-crash/out"
if [ -z "$WHY" ]; then
	for _f in console.boot-crash.log console.log; do
		grep -q 'Kernel panic' "$RB/boot-crash/out/$_f" 2>/dev/null ||
			WHY="no kernel panic in $RB/boot-crash/out/$_f"
	done
fi
ktap_result boot-crash

ktap_totals
[ "$KTAP_FAIL" = 0 ] && [ "$KTAP_N" = "$CASES" ]
