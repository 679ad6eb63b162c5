# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh disable=SC2154 # R_* are set by table_load (eval)
#
# The verdict of one run, from its console log and the loaded table row
# (R_* variables, see table.sh).  Reports come from oopsparse, not from a
# grep: a crash mode passes when a parsed report has the expected title
# (and comm and frame); a clean mode passes when there is no report at all
# and the run completed with the trigger's expected result.
#
# verdict CONSOLE PANIC(0|1) TIMED_OUT(0|1)
#   sets V_RESULT (pass|fail|skip), V_REASON and V_SIGNATURE.

# The oopsparse --tsv columns.
# title kind comm pid module rip panicked class frames

verdict() {
	_con=$1 _panic=$2 _timedout=$3
	V_RESULT=fail V_REASON='' V_SIGNATURE=''

	if ! [ -s "$_con" ]; then
		V_REASON="empty console log"
		return
	fi
	# The guest decided to skip (missing kernel feature, module refused).
	_skip=$(sed -n 's/^.*oopslab: SKIP //p' "$_con" | tr -d '\r' | head -n 1)
	if [ -n "$_skip" ]; then
		V_RESULT=skip V_REASON=$_skip
		return
	fi

	_reports=$("$OOPSPARSE" --tsv "$_con")
	case $? in
	0 | 1) ;;
	*) V_REASON="oopsparse failed on $_con"; return ;;
	esac
	_trig_exit=$(sed -n 's/^.*oopslab: trigger exit \([0-9]*\).*/\1/p' "$_con" | head -n 1)

	if [ "$R_expect" = clean ]; then
		verdict_clean "$_con" "$_timedout"
	else
		verdict_crash "$_con" "$_panic"
	fi
}

verdict_clean() {
	if [ -n "$_reports" ]; then
		V_REASON="unexpected report: $(printf '%s\n' "$_reports" | cut -f1 | head -n 1)"
		V_SIGNATURE=$(printf '%s\n' "$_reports" | cut -f1 | head -n 1)
		return
	fi
	if grep -q 'oopslab: insmod .*: failed' "$1"; then
		V_REASON="module did not load: $(sed -n 's/^.*oopslab: insmod .*: failed/failed/p' "$1" | tr -d '\r' | head -n 1)"
		return
	fi
	if [ -z "$_trig_exit" ]; then
		if [ "$2" = 1 ]; then
			V_REASON="VM timed out before the trigger finished"
		else
			V_REASON="trigger did not finish"
		fi
		return
	fi
	_want=${R_trigger_exit:-0}
	if [ "$_want" != any ] && [ "$_trig_exit" != "$_want" ]; then
		V_REASON="trigger exited $_trig_exit$(verdict_exit_why "$1"), expected $_want"
		return
	fi
	if [ -n "$R_expect_output" ] && ! grep -Eq -- "$R_expect_output" "$1"; then
		V_REASON="trigger output does not match /$R_expect_output/"
		return
	fi
	if ! grep -q 'oopslab: done' "$1"; then
		V_REASON="run did not complete (no 'oopslab: done')"
		return
	fi
	V_RESULT=pass
	V_SIGNATURE="clean"
	V_REASON="no report; trigger exit $_trig_exit"
}

verdict_crash() {
	_match=$(printf '%s\n' "$_reports" | awk -F '\t' \
		-v title="$R_expect" -v comm="$R_expect_comm" -v frame="$R_expect_frame" '
		$1 != title { next }
		comm != "" && $3 != comm { why = "comm " $3 ", expected " comm; next }
		frame != "" {
			n = split($9, f, " "); ok = 0
			for (i = 1; i <= n; i++) if (f[i] == frame) ok = 1
			if (!ok) { why = "no frame " frame; next }
		}
		{ print; found = 1; exit }
		END { if (!found && why != "") print "MISMATCH\t" why }')
	case $_match in
	MISMATCH*)
		V_REASON="report \"$R_expect\" found but ${_match#MISMATCH	}"
		return ;;
	'')
		if [ -n "$_reports" ]; then
			V_REASON="expected \"$R_expect\", got: $(printf '%s\n' "$_reports" | cut -f1 | paste -sd ';' -)"
		else
			V_REASON="expected \"$R_expect\", console has no report"
		fi
		return ;;
	esac
	V_SIGNATURE=$(printf '%s\n' "$_match" | cut -f1)
	_comm=$(printf '%s\n' "$_match" | cut -f3)
	_pid=$(printf '%s\n' "$_match" | cut -f4)
	if [ -n "$R_expect_line" ] && ! grep -Eq -- "$R_expect_line" "$1"; then
		V_REASON="\"$V_SIGNATURE\" but no line matching /$R_expect_line/"
		return
	fi
	if [ "$2" = 1 ]; then
		_reason=${R_panic_expect:-}
		if ! grep -q 'Kernel panic - not syncing' "$1"; then
			V_REASON="\"$V_SIGNATURE\" but the kernel did not panic"
			return
		fi
		if [ -n "$_reason" ] && ! grep -qF "Kernel panic - not syncing: $_reason" "$1"; then
			V_REASON="panicked, but not with \"$_reason\""
			return
		fi
		V_SIGNATURE="$V_SIGNATURE; Kernel panic - not syncing: $_reason"
	fi
	V_RESULT=pass
	V_REASON="$V_SIGNATURE [$_comm:$_pid]"
}

# Why did the trigger exit 128+N: " (timed out after S s)" when the
# in-guest time limit killed it, else " (killed by SIGNAME)".
verdict_exit_why() {
	_to=$(sed -n 's/^.*oopslab: trigger timed out after \([0-9]* s\).*/\1/p' "$1" | head -n 1)
	if [ -n "$_to" ] && [ "$_trig_exit" = 143 ]; then
		echo " (timed out after $_to)"
	elif [ "$_trig_exit" -gt 128 ] && [ "$_trig_exit" -lt 193 ]; then
		echo " (killed by SIG$(kill -l $((_trig_exit - 128))))"
	fi
}

# verdict_json FILE: the machine-readable verdict of a run.
verdict_json() {
	{
		printf '{"name": %s, "mode": %s, "kernel": %s, "kernel_release": %s,\n' \
			"$(json_str "$R_name")" "$(json_str "$R_mode")" \
			"$(json_str "$RUN_KERNEL")" "$(json_str "$RUN_KVER")"
		printf ' "result": %s, "reason": %s, "signature": %s,\n' \
			"$(json_str "$V_RESULT")" "$(json_str "$V_REASON")" \
			"$(json_str "$V_SIGNATURE")"
		printf ' "expect": %s, "panic_mode": %s, "timed_out": %s,\n' \
			"$(json_str "$R_expect")" "${RUN_PANIC:-0}" "${RUN_TIMEDOUT:-0}"
		printf ' "accel": %s, "wall_ms": %s, "boot_ms": %s, "console": %s}\n' \
			"$(json_str "${RUN_ACCEL:-none}")" "${RUN_WALL_MS:-0}" \
			"${RUN_BOOT_MS:-0}" "$(json_str "$RUN_CONSOLE")"
	} > "$1"
}
