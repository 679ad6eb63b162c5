# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# Shared by the host runner and the in-guest runner, so POSIX sh only: the
# guest has busybox ash, the host dash or bash.

# kselftest exit codes
KSFT_PASS=0
KSFT_FAIL=1
KSFT_USAGE=2
KSFT_SKIP=4

PROG=${PROG:-oopslab}

# One line on stderr, then exit.
die() {
	code=$1
	shift
	printf '%s: %s\n' "$PROG" "$*" >&2
	exit "$code"
}

# Progress for people, on stderr so that stdout stays KTAP.
progress() {
	printf '%s: %s\n' "$PROG" "$*" >&2
}

# KTAP diagnostic line.
diag() {
	printf '# %s\n' "$*"
}

# Seconds since the epoch with milliseconds; busybox date has no %N, so the
# guest falls back to /proc/uptime (only differences are ever used).
now_ms() {
	t=$(date +%s%3N 2>/dev/null)
	case $t in
	*N* | '') awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime ;;
	*) echo "$t" ;;
	esac
}

# ms -> "12.3"
fmt_secs() {
	awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'
}

# Quote a string for a JSON value.
json_str() {
	printf '%s' "$1" | awk '
		BEGIN { ORS = ""; print "\"" }
		NR > 1 { print "\\n" }
		{
			# backslashes by hand: what "\\\\" means as a gsub()
			# replacement differs between awks (mawk: one backslash)
			s = $0; o = ""
			while ((i = index(s, "\\")) > 0) {
				o = o substr(s, 1, i - 1) "\\\\"
				s = substr(s, i + 1)
			}
			$0 = o s
			gsub(/"/, "\\\"")
			gsub(/\t/, "\\t"); gsub(/\r/, "")
			print
		}
		END { print "\"" }'
}

# 1 -> true, anything else -> false
json_bool() {
	if [ "$1" = 1 ]; then echo true; else echo false; fi
}

# prune_outdated DIR: remove the other caches beside DIR made from other
# inputs (DIR is PREFIX-HASH: every PREFIX-* directory, with its .log and
# .lock, but DIR's own).
prune_outdated() {
	for _old in "${1%-*}"-*; do
		_base=${_old%.log}
		_base=${_base%.lock}
		[ "$_base" = "$1" ] || [ ! -e "$_old" ] && continue
		[ -d "$_base" ] && progress "removing the outdated $(basename "$_base")"
		rm -rf "$_base" "$_base.log" "$_base.lock"
	done
}
