#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Tests of scripts/check_source.sh and its semantic patches (part of make
# check; no VM, no module is loaded).
#
#   selftests/check_source.sh
#
# - check_source/<class>/*.c: one test per file.  A finding is expected on
#   each line that carries the marker "oopslab-expect: <class>", and
#   nowhere else, for any class: a file without markers must come out
#   clean.  Files named pos-* must have a marker.
# - check_source/kmod.expect: oopslab's own modules, function by function:
#   the buggy ones found, the fixed ones not, nothing anywhere else.
# - the wrapper's exit codes and its --json output.
# KTAP on stdout; exit 0 when every test passes, 1 otherwise, 4 (skip)
# without spatch.  Documentation/check-source.rst.

set -u
here=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$here/.." && pwd)
CHECK=$TOP/scripts/check_source.sh
. "$here/ktap_helpers.sh"
CASES=$here/check_source
EXPECT=$CASES/kmod.expect
CLASSES="dirpro-kill elkeid-fput deepin-lsm afalg-shash cifs-delim"

case ${1:-} in
-h | --help) sed -n '4,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
'') ;;
*) echo "check_source.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
esac

echo "TAP version 13"
if ! command -v "${SPATCH:-spatch}" >/dev/null 2>&1; then
	echo "1..0 # SKIP spatch (coccinelle) is not installed: scripts/deps.sh --for check"
	exit 4
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check_source_test.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

start=$(date +%s)
# Two runs of every patch: the cases, and kmod/, from the top so that the
# paths are relative to it.  Findings as "file:line class".
(cd "$TOP" && "$CHECK" selftests/check_source) >"$tmp/cases.out" 2>"$tmp/cases.err"
cases_rc=$?
(cd "$TOP" && "$CHECK" kmod) >"$tmp/kmod.out" 2>"$tmp/kmod.err"
kmod_rc=$?
for r in cases kmod; do
	sed -n 's|^\([^:]*\):\([0-9]*\): oopslab/\([a-z-]*\): .*|\1:\2 \3|p' \
		"$tmp/$r.out" | sort -u >"$tmp/$r.found"
done

files=$(cd "$TOP" && find selftests/check_source -name '*.c' | sort)
rows=$(grep -cv '^\(#\|$\)' "$EXPECT")
echo "1..$(($(echo "$files" | wc -l) + rows + 3))"

# The spatch runs themselves: an error there must not pass as "clean".
for r in cases kmod; do
	if grep -q 'spatch failed' "$tmp/$r.err"; then
		echo "# $r: $(grep 'spatch failed' "$tmp/$r.err" | head -n 1)"
	fi
done

# ----------------------------------------------------------- the cases

for f in $files; do
	name=$(echo "$f" | sed 's|^selftests/check_source/||; s|\.c$||; s|/|.|')
	grep -n 'oopslab-expect: [a-z-]*' "$TOP/$f" |
		sed "s|^\([0-9]*\):.*oopslab-expect: \([a-z-]*\).*|$f:\1 \2|" |
		sort -u >"$tmp/want"
	grep "^$f:" "$tmp/cases.found" >"$tmp/got"
	WHY=
	case $(basename "$f") in
	pos-*) [ -s "$tmp/want" ] || WHY="a pos- case without an oopslab-expect marker" ;;
	esac
	if grep -q "spatch failed" "$tmp/cases.err"; then
		WHY="spatch failed: $(grep 'spatch failed' "$tmp/cases.err" | head -n 1)"
	fi
	missing=$(comm -23 "$tmp/want" "$tmp/got")
	extra=$(comm -13 "$tmp/want" "$tmp/got")
	[ -z "$missing" ] || WHY="${WHY:+$WHY
}not found: $(echo "$missing" | tr '\n' ' ')"
	[ -z "$extra" ] || WHY="${WHY:+$WHY
}found, not expected: $(echo "$extra" | tr '\n' ' ')"
	[ -n "$WHY" ] || echo "# $name: $(wc -l <"$tmp/want") expected, $(wc -l <"$tmp/got") found"
	ktap_result "check_source.$name"
done

# --------------------------------------------------------- oopslab's own

# fn_lines FILE FUNCTION: "first last" line of each definition of FUNCTION
# (kernel style: the name on the first line, "}" in column 0 at the end).
fn_lines() {
	awk -v fn="$2" '
		!in_fn && $0 ~ "^[A-Za-z_].*[^A-Za-z0-9_]" fn "\\(" && $0 !~ /;[ \t]*$/ ||
		!in_fn && $0 ~ "^" fn "\\(" { in_fn = 1; first = NR }
		in_fn && /^}/ { print first, NR; in_fn = 0 }
	' "$TOP/$1"
}

: >"$tmp/claimed"
grep -v '^\(#\|$\)' "$EXPECT" | while read -r file fn want; do
	WHY=
	ranges=$(fn_lines "$file" "$fn")
	hits=
	if [ -z "$ranges" ]; then
		WHY="$fn() not found in $file"
	else
		hits=$(echo "$ranges" | while read -r a b; do
			awk -v f="$file" -v a="$a" -v b="$b" '{
				split($1, x, ":")
				if (x[1] == f && x[2] + 0 >= a && x[2] + 0 <= b) print
			}' "$tmp/kmod.found"
		done)
	fi
	if [ -z "$WHY" ] && [ "$want" = none ]; then
		[ -z "$hits" ] || WHY="fixed path, but found: $(echo "$hits" | tr '\n' ' ')"
	elif [ -z "$WHY" ]; then
		echo "$hits" | grep -q " $want\$" || WHY="no $want finding in $fn() (lines $(echo "$ranges" | tr '\n' ' '))"
		echo "$hits" | grep " $want\$" >>"$tmp/claimed"
	fi
	grep -q "spatch failed" "$tmp/kmod.err" && WHY="spatch failed: $(grep 'spatch failed' "$tmp/kmod.err" | head -n 1)"
	[ -n "$WHY" ] || echo "# $file $fn: $want${hits:+ at $(echo "$hits" | cut -d ' ' -f 1 | tr '\n' ' ')}"
	ktap_result "check_source.kmod.$fn"
	# The counters live in this subshell: hand them out.
	echo "$KTAP_N $KTAP_PASS $KTAP_FAIL" >"$tmp/counts"
done
read -r KTAP_N KTAP_PASS KTAP_FAIL <"$tmp/counts"

WHY=
stray=$(sort -u "$tmp/claimed" | comm -13 - "$tmp/kmod.found")
[ -z "$stray" ] || WHY="findings outside the functions kmod.expect lists: $(echo "$stray" | tr '\n' ' ')"
[ "$kmod_rc" = 1 ] || WHY="${WHY:+$WHY; }check_source.sh kmod exited $kmod_rc, expected 1 (findings)"
[ -n "$WHY" ] || echo "# kmod: $(wc -l <"$tmp/kmod.found") findings, each in a listed function"
ktap_result "check_source.kmod.nothing-else"

# ------------------------------------------------- the wrapper's contract

WHY=
clean=$TOP/selftests/check_source/cifs-delim/neg-terminate-first.c
dirty=$TOP/selftests/check_source/cifs-delim/pos-strreplace-then-nul.c
"$CHECK" --class cifs-delim "$clean" >/dev/null 2>&1
rc=$?
[ "$rc" = 0 ] || WHY="clean file: exit $rc, expected 0"
"$CHECK" --class cifs-delim "$dirty" >/dev/null 2>&1
rc=$?
[ "$rc" = 1 ] || WHY="${WHY:+$WHY; }file with a finding: exit $rc, expected 1"
for args in "" "--class nosuch $clean" "--jobs x $clean" "--bogus $clean" "/nonexistent"; do
	# shellcheck disable=SC2086 # the argument lists above
	"$CHECK" $args >"$tmp/u.out" 2>"$tmp/u.err"
	rc=$?
	if [ "$rc" != 2 ] || [ -s "$tmp/u.out" ] || [ "$(wc -l <"$tmp/u.err")" != 1 ]; then
		WHY="${WHY:+$WHY; }'check_source.sh $args': exit $rc, $(wc -l <"$tmp/u.err") lines on stderr; expected 2 and one line"
	fi
done
SPATCH=/nonexistent/spatch "$CHECK" "$clean" >/dev/null 2>"$tmp/m.err"
rc=$?
{ [ "$rc" = 4 ] && grep -q 'spatch.*not installed' "$tmp/m.err"; } ||
	WHY="${WHY:+$WHY; }without spatch: exit $rc, '$(cat "$tmp/m.err")'"
[ "$cases_rc" = 1 ] || WHY="${WHY:+$WHY; }check_source.sh over the cases exited $cases_rc, expected 1"
ktap_result "check_source.exit-codes"

if command -v jq >/dev/null 2>&1; then
	(cd "$TOP" && "$CHECK" --json kmod) >"$tmp/json" 2>/dev/null
	WHY=
	n=$(jq '.findings | length' "$tmp/json" 2>"$tmp/jq.err") ||
		WHY="--json is not valid JSON: $(head -n 1 "$tmp/jq.err")"
	if [ -z "$WHY" ]; then
		jq -r '.findings[] | "\(.file):\(.line) \(.class)"' "$tmp/json" |
			sort -u >"$tmp/json.found"
		cmp -s "$tmp/json.found" "$tmp/kmod.found" ||
			WHY="--json lists other findings than the text output ($n against $(wc -l <"$tmp/kmod.found"))"
	fi
	ktap_result "check_source.json"
else
	ktap_skip "check_source.json" "jq is not installed"
fi

echo "# $(echo "$CLASSES" | wc -w) classes, $(echo "$files" | wc -l) case files, $rows kmod functions, $(($(date +%s) - start)) s"
ktap_totals
[ "$KTAP_FAIL" = 0 ]
