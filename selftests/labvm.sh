#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The full Debian lab VM (part of make check): runs that crash the guest
# are collected after its reboot (from ERST, and from ramoops) and agree
# with the host's console; a
# guest without crash capture says so and fails; the modules build in the
# guest as a user builds them; an undeclared machine refuses buggy modes.
#
#   selftests/labvm.sh
#
# Everything is written under build/labvm-test/.  KTAP on stdout; exit 0
# when every case behaves, 1 otherwise.

set -u
here=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$here/.." && pwd)
. "$here/ktap_helpers.sh"
RUNNER=$TOP/scripts/run_reproducer.sh
OUT=${OOPSLAB_BUILD:-$TOP/build}/labvm-test
CASES=8

# lab CASE ARGS...: one --lab-vm run in the background, output in OUT/CASE.
lab() {
	_c=$1
	shift
	mkdir -p "$OUT/$_c"
	"$RUNNER" "$@" --lab-vm --out "$OUT/$_c/out" >"$OUT/$_c/stdout" 2>"$OUT/$_c/stderr"
	echo $? > "$OUT/$_c/rc"
}

# check CASE WANT ERE [GUEST_ERE]: its exit code, its reason, and what the
# guest printed.
check() {
	_c=$1 _want=$2 _ere=$3 _gere=${4:-}
	_rc=$(cat "$OUT/$_c/rc")
	_reason=$(sed -n 's/^# [^ ]* [^ ]* on labvm ([^)]*): //p' "$OUT/$_c/stdout" | head -n 1)
	echo "# $_c: exit $_rc: $_reason"
	WHY=
	if [ "$_rc" != "$_want" ]; then
		WHY="exit $_rc, expected $_want; $(tail -n 2 "$OUT/$_c/stderr" | tr '\n' ' ')"
	elif ! printf '%s\n' "$_reason" | grep -Eq -- "$_ere"; then
		WHY="reason does not match /$_ere/"
	elif [ -n "$_gere" ] && ! grep -Eq -- "$_gere" "$OUT/$_c/out/guest.log"; then
		WHY="guest log $OUT/$_c/out/guest.log does not match /$_gere/"
	fi
	ktap_result "$_c"
}

echo "TAP version 13"
echo "1..$CASES"
rm -rf "$OUT"
mkdir -p "$OUT" || exit 1

# The image first, once, so that the runs in parallel find it made.
t0=$(date +%s)
if ! "$TOP/scripts/mklabvm.sh" >"$OUT/mklabvm.log" 2>&1; then
	tail -n 5 "$OUT/mklabvm.log" | sed 's/^/# /'
	WHY="scripts/mklabvm.sh failed (log: $OUT/mklabvm.log)"
else
	WHY=
	echo "# image: $(tail -n 1 "$OUT/mklabvm.log" | sed 's/^mklabvm: //') ($(($(date +%s) - t0)) s)"
fi
ktap_result image
[ -z "$WHY" ] || { ktap_totals; exit 1; }

# Two VMs at a time, as the matrix.
lab dirpro-panic dirpro-kill --panic &
lab deepin-panic deepin-lsm --panic
wait
check dirpro-panic 0 "^BUG: soft lockup in dirpro_get_process_name.*collected from pstore \\(erst\\).*host console agrees; 2 boot"
check deepin-panic 0 "^BUG: unable to handle kernel paging request in deepin_init_lsm_hooks.*collected from pstore \\(erst\\).*host console agrees; 2 boot"

lab cifs-panic cifs-delim --panic --crash-capture ramoops &
lab no-capture dirpro-kill --panic --crash-capture none
wait
check cifs-panic 0 "^WARNING in __shm_close.*collected from pstore \\(ramoops\\).*host console agrees; 2 boot"
check no-capture 1 "guest: fail: the machine rebooted and no crash log survived: no pstore backend, no kdump; see --setup-lab-vm; host: pass" \
	"# collect exit 1"

# The fixed row, its modules built in the guest by make and by dkms.
lab build-fixed elkeid-fput --mode fixed --build-in-guest
check build-fixed 0 "^no report; trigger exit 0; host console agrees; 1 boot" \
	"dkms status: oopslab/[0-9]+, [^,]+, x86_64: installed"
grep -E 'make -C|dkms add' "$OUT/build-fixed/out/guest.log" | sed 's/^/# /'

# pstore splits a dump into records "Panic#1 Part1" (the end of the log),
# "Part2" (what came before): the collect joins them oldest first.
mkdir -p "$OUT/parts"
printf 'Panic#1 Part1\nline 3\nline 4\n' > "$OUT/parts/dmesg-ramoops-1"
printf 'Panic#1 Part2\nline 1\nline 2\n' > "$OUT/parts/dmesg-ramoops-2"
_joined=$( (PROG=labvm-test; . "$TOP/scripts/lib/common.sh"; . "$TOP/scripts/lib/labvm.sh"
	labvm_pstore_log "$OUT/parts" 0) | tr '\n' ' ')
echo "# pstore-parts: joined: $_joined"
WHY=
[ "$_joined" = "line 1 line 2 line 3 line 4 " ] || WHY="parts joined as '$_joined'"
ktap_result pstore-parts

# Not a declared lab VM: the buggy mode is refused before anything loads
# (the declaration is looked for where nothing is).
mkdir -p "$OUT/refuse"
OOPSLAB_LABVM_ETC=$OUT/refuse/etc "$RUNNER" --in-guest dirpro-kill \
	>"$OUT/refuse/stdout" 2>"$OUT/refuse/stderr"
_rc=$?
echo "# refuse: exit $_rc: $(cat "$OUT/refuse/stderr")"
WHY=
if [ "$_rc" != 1 ]; then
	WHY="exit $_rc, expected 1"
elif ! grep -q 'refusing dirpro-kill buggy: this machine is not a declared lab VM' "$OUT/refuse/stderr"; then
	WHY="no refusal on stderr"
elif [ -s "$OUT/refuse/stdout" ]; then
	WHY="printed on stdout: $(head -n 1 "$OUT/refuse/stdout")"
fi
ktap_result refuse

ktap_totals
[ "$KTAP_FAIL" = 0 ] && [ "$KTAP_N" = "$CASES" ]
