# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh disable=SC2154 # R_* are set by table_load (eval)
#
# The verdict of one run, from its console log and the loaded table row
# (R_* variables, see table.sh).  Reports come from oopsparse, not from a
# grep: a crash mode passes when a parsed report has the expected title
# (and comm and frame); a clean mode passes when there is no report at all
# and the run completed with the trigger's expected result.
#
# verdict CONSOLE GUESTLOG PANIC(0|1) TIMED_OUT(0|1)
#   CONSOLE is what the kernel printed; GUESTLOG what the guest's
#   userspace printed (the runner's "oopslab: ..." markers, the trigger's
#   output), kept apart by the VM's second serial port.  Without a
#   GUESTLOG (an empty name or no such file) the markers are looked for in
#   CONSOLE, as in logs from before the split.
#   Sets V_RESULT (pass|fail|skip), V_REASON and V_SIGNATURE, and for
#   "expect: kunit" rows V_KTAP, the KUnit results as a nested KTAP block.

# The oopsparse --tsv columns.
# title kind comm pid module rip panicked class frames

verdict() {
	_con=$1 _glog=$2 _panic=$3 _timedout=$4
	V_RESULT=fail V_REASON='' V_SIGNATURE='' V_KTAP=''
	[ -n "$_glog" ] && [ -e "$_glog" ] || _glog=$_con

	if ! [ -s "$_con" ]; then
		V_REASON="empty console log"
		return
	fi
	# The guest decided to skip (missing kernel feature, module refused).
	_skip=$(sed -n 's/^.*oopslab: SKIP //p' "$_glog" | tr -d '\r' | head -n 1)
	if [ -n "$_skip" ]; then
		V_RESULT=skip V_REASON=$_skip
		return
	fi

	_reports=$("$OOPSPARSE" --tsv "$_con")
	case $? in
	0 | 1) ;;
	*) V_REASON="oopsparse failed on $_con"; return ;;
	esac
	_trig_exit=$(sed -n 's/^.*oopslab: trigger exit \([0-9]*\).*/\1/p' "$_glog" | head -n 1)

	if [ "$R_expect" = clean ]; then
		verdict_clean "$_glog" "$_timedout"
	elif [ "$R_expect" = kunit ]; then
		verdict_kunit "$_con" "$_glog"
	else
		verdict_crash "$_con" "$_panic" "$_glog"
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

# (verdict_clean's $1 is the guest log: its checks are of userspace.)

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
	# The functional side of a crash, where the row names one: what the
	# trigger saw (a panic ends the run before it can print).
	if [ "$2" != 1 ] && [ -n "$R_expect_output" ] &&
	   ! grep -Eq -- "$R_expect_output" "$3"; then
		V_REASON="\"$V_SIGNATURE\" but the trigger's output does not match /$R_expect_output/"
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

# The KUnit suites in a console, from the KTAP the kernel prints when a
# module with suites loads (lib/kunit/test.c): per suite "    # Subtest: S",
# "    # module: M", "    1..N", a line "    ok|not ok I CASE [# SKIP why]"
# per case (parameterised cases nest deeper and are summed up by that
# line), and "ok|not ok K S" at the left margin.  Prints TSV lines
#   case  SUITE  MODULE  ok|fail|skip  CASE  first failed expectation
#   suite SUITE  MODULE  ok|fail|skip|unfinished
kunit_results() {
	tr -d '\r' < "$1" | awk '
	function flush_suite(res) {
		print "suite\t" cur "\t" mod "\t" res
		cur = ""
	}
	{
		sub(/^\[ *[0-9]+\.[0-9]+\] /, "")
	}
	/^    # Subtest: / {
		if (cur != "")
			flush_suite("unfinished")
		cur = $0; sub(/^    # Subtest: /, "", cur); mod = ""; why = ""
		next
	}
	cur == "" { next }
	/^    # module: / { mod = $0; sub(/^    # module: /, "", mod); next }
	/^    # .*(EXPECTATION|ASSERTION) FAILED at / {
		if (why == "") { why = $0; sub(/^    # [^:]*: /, "", why); more = 1 }
		next
	}
	more && /^    [^ #]/ && !/^    (not )?ok / {
		# the first line of the expectation: "Expected x == y, but"
		d = $0; sub(/^ +/, "", d); why = why ": " d; more = 0
		next
	}
	/^    (not )?ok [0-9]+ / {
		line = substr($0, 5); res = "ok"
		if (line ~ /^not /) { res = "fail"; line = substr(line, 5) }
		sub(/^ok [0-9]+ /, "", line)
		if (line ~ / # SKIP/) { res = "skip"; sub(/ # SKIP.*/, "", line) }
		print "case\t" cur "\t" mod "\t" res "\t" line "\t" (res == "fail" ? why : "")
		why = ""; more = 0
		next
	}
	/^(not )?ok [0-9]+ / {
		n = $0; res = "ok"
		if (n ~ /^not /) { res = "fail"; n = substr(n, 5) }
		sub(/^ok [0-9]+ /, "", n)
		if (n ~ / # SKIP/) { res = "skip"; sub(/ # SKIP.*/, "", n) }
		if (n == cur)
			flush_suite(res)
	}
	END { if (cur != "") flush_suite("unfinished") }'
}

# An "expect: kunit" row: the module's suites ran when it loaded; pass when
# each finished, no case failed and no report (a KASAN splat, a lockdep
# warning) came with them.
verdict_kunit() {
	_mod=${R_module%% *}
	_kres=$(kunit_results "$1" | awk -F '\t' -v m="$_mod" '$3 == m')
	if [ -z "$_kres" ]; then
		if grep -q 'oopslab: insmod .*: failed' "$2"; then
			V_REASON="module did not load: $(sed -n 's/^.*oopslab: insmod .*: failed/failed/p' "$2" | tr -d '\r' | head -n 1)"
		else
			V_REASON="no KUnit suite of module $_mod in the console"
		fi
		return
	fi
	# shellcheck disable=SC2034 # printed by the runner's ktap_result
	V_KTAP=$(printf '%s\n' "$_kres" | awk -F '\t' -v id="$R_name.$R_mode.${RUN_KERNEL:-custom}" '
		$1 == "case" {
			n++
			line[n] = ($4 == "fail" ? "not ok " : "ok ") n " " $2 "." $5 \
				($4 == "skip" ? " # SKIP" : "")
			if ($4 == "fail" && $6 != "") diagl[n] = $6
			cnt[$4]++
		}
		END {
			print "    # Subtest: " id
			print "    1.." n
			for (i = 1; i <= n; i++) {
				if (i in diagl) print "    # " diagl[i]
				print "    " line[i]
			}
			printf "    # Totals: pass:%d fail:%d xfail:0 xpass:0 skip:%d error:0\n", \
				cnt["ok"], cnt["fail"], cnt["skip"]
		}')
	_counts=$(printf '%s\n' "$_kres" | awk -F '\t' '
		$1 == "case" { c[$4]++; t++ }
		$1 == "suite" { s = s sep $2; sep = "," }
		END { printf "%s: pass:%d fail:%d skip:%d total:%d", s, c["ok"], c["fail"], c["skip"], t }')
	_failed=$(printf '%s\n' "$_kres" | awk -F '\t' '
		$1 == "case" && $4 == "fail" { printf "%s%s.%s%s", sep, $2, $5, ($6 != "" ? " (" $6 ")" : ""); sep = "; " }
		$1 == "suite" && $4 == "unfinished" { printf "%s%s did not finish", sep, $2; sep = "; " }')
	V_SIGNATURE="KUnit $_counts"
	if [ -n "$_failed" ]; then
		V_REASON="KUnit $_counts: $_failed"
		return
	fi
	if [ -n "$_reports" ]; then
		V_REASON="KUnit $_counts, but a report: $(printf '%s\n' "$_reports" | cut -f1 | head -n 1)"
		return
	fi
	if ! printf '%s\n' "$_kres" | awk -F '\t' '$1 == "case" && $4 == "ok" { ok = 1 } END { exit !ok }'; then
		V_RESULT=skip V_REASON="KUnit $_counts: every case skipped"
		return
	fi
	if ! grep -q 'oopslab: done' "$2"; then
		V_REASON="KUnit $_counts, but the run did not complete (no 'oopslab: done')"
		return
	fi
	V_RESULT=pass
	V_REASON="KUnit $_counts"
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
		printf '{"name": %s, "mode": %s, "kernel": %s, "arch": %s, "kernel_release": %s,\n' \
			"$(json_str "$R_name")" "$(json_str "$R_mode")" \
			"$(json_str "$RUN_KERNEL")" "$(json_str "${RUN_ARCH:-x86_64}")" \
			"$(json_str "$RUN_KVER")"
		printf ' "result": %s, "reason": %s, "signature": %s,\n' \
			"$(json_str "$V_RESULT")" "$(json_str "$V_REASON")" \
			"$(json_str "$V_SIGNATURE")"
		printf ' "expect": %s, "panic_mode": %s, "timed_out": %s,\n' \
			"$(json_str "$R_expect")" "$(json_bool "${RUN_PANIC:-0}")" \
			"$(json_bool "${RUN_TIMEDOUT:-0}")"
		printf ' "accel": %s, "wall_ms": %s, "boot_ms": %s, "console": %s}\n' \
			"$(json_str "${RUN_ACCEL:-none}")" "${RUN_WALL_MS:-0}" \
			"${RUN_BOOT_MS:-0}" "$(json_str "$RUN_CONSOLE")"
	} > "$1"
}
