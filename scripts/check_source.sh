#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Look for the five failure classes in a module's source, with the
# Coccinelle semantic patches in scripts/coccinelle/.
#
#   check_source.sh [--json] [--class C[,C...]] [--jobs N] PATH...
#
# PATH is a C file or a directory (searched for .c and .h files).  Every
# patch runs over every PATH; each finding is one line,
#   file:line: oopslab/<class>: what is wrong; the fix (Documentation/<class>.rst)
# sorted by file and line.  --json prints one JSON document instead.
# --class runs only the given classes; --jobs is spatch's (default 1).
# Exit 0 when nothing is found, 1 with findings or when spatch fails, 2 on
# bad usage, 4 (skip) when spatch is not installed.  See
# Documentation/check-source.rst.

set -u
PROG=check_source
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/scripts/lib/common.sh"

COCCI_DIR=${OOPSLAB_COCCI_DIR:-$TOP/scripts/coccinelle}
CLASSES="dirpro-kill elkeid-fput deepin-lsm afalg-shash cifs-delim"
SPATCH=${SPATCH:-spatch}

usage() {
	sed -n '4,16p' "$0" | sed 's/^# \{0,1\}//'
	exit "${1:-$KSFT_USAGE}"
}

json=0
jobs=1
classes=$CLASSES
while [ $# -gt 0 ]; do
	case $1 in
	--json) json=1 ;;
	--class) [ $# -ge 2 ] || die "$KSFT_USAGE" "--class needs a value"
		classes=$(echo "$2" | tr ',' ' '); shift ;;
	--class=*) classes=$(echo "${1#*=}" | tr ',' ' ') ;;
	--jobs | -j) [ $# -ge 2 ] || die "$KSFT_USAGE" "--jobs needs a value"
		jobs=$2; shift ;;
	--jobs=*) jobs=${1#*=} ;;
	-h | --help) usage 0 ;;
	--) shift; break ;;
	-*) die "$KSFT_USAGE" "unknown option $1 (see --help)" ;;
	*) break ;;
	esac
	shift
done
[ $# -gt 0 ] || die "$KSFT_USAGE" "no PATH given (see --help)"
case $jobs in
'' | *[!0-9]* | 0) die "$KSFT_USAGE" "--jobs takes a positive number" ;;
esac
for c in $classes; do
	case " $CLASSES " in
	*" $c "*) [ -f "$COCCI_DIR/$c.cocci" ] ||
		die "$KSFT_FAIL" "$COCCI_DIR/$c.cocci is missing" ;;
	*) die "$KSFT_USAGE" "unknown class '$c' (valid: $CLASSES)" ;;
	esac
done
for p in "$@"; do
	[ -e "$p" ] || die "$KSFT_USAGE" "no such file or directory: $p"
done
command -v "$SPATCH" >/dev/null 2>&1 ||
	die "$KSFT_SKIP" "spatch (Coccinelle) is not installed: apt-get install coccinelle, or scripts/deps.sh --for check"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check_source.XXXXXX") ||
	die "$KSFT_FAIL" "cannot create a temporary directory"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# The files spatch will look at, for the count and for --json.
files=0
for p in "$@"; do
	if [ -d "$p" ]; then
		n=$(find "$p" -type f \( -name '*.c' -o -name '*.h' \) | wc -l)
	else
		n=1
	fi
	files=$((files + n))
done

# spatch prints "file:line:col-col: message" (coccilib.report); keep the
# file and line.  --no-includes: a module's source is checked as it is,
# without the kernel headers, which spatch would mostly fail to parse.
run_spatch() {
	_c=$1
	shift
	"$SPATCH" -D report --very-quiet --no-includes --include-headers \
		--jobs "$jobs" --chunksize 1 --cocci-file "$COCCI_DIR/$_c.cocci" \
		"$@" >"$tmp/out" 2>"$tmp/err"
}

failed=0
: >"$tmp/found"
for c in $classes; do
	for p in "$@"; do
		if [ -d "$p" ]; then
			run_spatch "$c" --dir "$p"
		else
			run_spatch "$c" "$p"
		fi
		rc=$?
		if [ "$rc" != 0 ]; then
			failed=1
			progress "spatch failed (exit $rc) with $c.cocci on $p: $(grep -v '^warning:' "$tmp/err" | head -n 1)"
		fi
		sed -n 's|^\(.*\):\([0-9][0-9]*\):[0-9][0-9]*-[0-9][0-9]*: \(oopslab/[a-z-]*: .*\)$|\1:\2: \3|p' \
			"$tmp/out" >>"$tmp/found"
	done
done
# One line per place and class, by file then line.
sort -t: -k1,1 -k2,2n -u "$tmp/found" >"$tmp/sorted"
n=$(wc -l <"$tmp/sorted")

if [ "$json" = 1 ]; then
	cls_json=
	for c in $classes; do
		cls_json="${cls_json:+$cls_json, }$(json_str "$c")"
	done
	printf '{"tool": "check_source", "spatch": %s, "classes": [%s], "files": %d, "findings": [' \
		"$(json_str "$("$SPATCH" --version 2>/dev/null | sed -n '1s/^spatch version \([^ ]*\).*/\1/p')")" \
		"$cls_json" "$files"
	sep=
	while IFS= read -r l; do
		f=${l%%:*}
		rest=${l#*:}
		line=${rest%%:*}
		rest=${rest#*: }
		cls=${rest%%:*}
		msg=${rest#*: }
		printf '%s\n  {"file": %s, "line": %s, "class": %s, "message": %s}' \
			"$sep" "$(json_str "$f")" "$line" \
			"$(json_str "${cls#oopslab/}")" "$(json_str "$msg")"
		sep=,
	done <"$tmp/sorted"
	printf '\n], "errors": %s}\n' "$(json_bool "$failed")"
else
	cat "$tmp/sorted"
	progress "$n findings in $files files ($(echo "$classes" | wc -w) classes)"
fi

[ "$failed" = 0 ] || exit "$KSFT_FAIL"
[ "$n" = 0 ] || exit "$KSFT_FAIL"
exit "$KSFT_PASS"
