# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# KTAP for the selftests written in sh, as the kernel's
# tools/testing/selftests/kselftest/ktap_helpers.sh: a result line per
# case, a totals line at the end.  A case fails when WHY is non-empty;
# WHY's lines come first as diagnostics.

KTAP_N=0 KTAP_PASS=0 KTAP_FAIL=0 KTAP_SKIP=0

# ktap_result NAME: "ok N NAME", or WHY as "# ..." and "not ok N NAME".
ktap_result() {
	KTAP_N=$((KTAP_N + 1))
	if [ -z "$WHY" ]; then
		KTAP_PASS=$((KTAP_PASS + 1))
		echo "ok $KTAP_N $1"
	else
		KTAP_FAIL=$((KTAP_FAIL + 1))
		printf '%s\n' "$WHY" | sed "s|^|# $1: |"
		echo "not ok $KTAP_N $1"
	fi
}

# ktap_skip NAME REASON
ktap_skip() {
	KTAP_N=$((KTAP_N + 1))
	KTAP_SKIP=$((KTAP_SKIP + 1))
	echo "ok $KTAP_N $1 # SKIP $2"
}

ktap_totals() {
	echo "# Totals: pass:$KTAP_PASS fail:$KTAP_FAIL xfail:0 xpass:0 skip:$KTAP_SKIP error:0"
}
