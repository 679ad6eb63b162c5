#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The project's quality gates (make lint; part of make check).
#
#   scripts/lint.sh [--only TOOL[,TOOL...]]
#
# TOOL is one of (default: all):
#   - checkpatch: checkpatch.pl --no-tree --strict, from linux-source-6.12,
#     on every module source under kmod/
#   - kbuild: W=1 and sparse C=2 for every module, on every kernel that is
#     installed or built (debian-5.10, debian-6.1, debian-6.12, debian-7,
#     lab; 5.10 and 7 in the chroot of their release), and cross-built for
#     debian-6.1 and debian-6.12 on arm64 and ppc64le
#   - sanitizers: the triggers' safe paths and the parser's unit tests,
#     built with ASan+UBSan (and -Wall -Wextra -Werror)
#   - shellcheck: -x on every shell script
# Every finding is printed with the tool's own words, then one summary line
# per tool and "lint: N findings".  Exit 0 with none, 1 with any, 2 on bad
# usage.  See Documentation/quality.rst.

set -u
PROG=lint
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/scripts/lib/common.sh"
. "$TOP/scripts/lib/kernels.sh"
. "$TOP/scripts/lib/vm.sh"

BUILD=${OOPSLAB_BUILD:-$TOP/build}/lint
TOOLS="checkpatch kbuild sanitizers shellcheck"
CHECKPATCH_SRC=/usr/src/linux-source-6.12.tar.xz

FINDINGS=0
SUMMARY=

# found N: count N findings.
found() {
	FINDINGS=$((FINDINGS + $1))
}

summary() {
	SUMMARY="$SUMMARY$*
"
}

# Print a tool's output, indented, under a heading.
show() {
	printf '%s\n' "$1"
	[ -z "$2" ] || printf '%s\n' "$2" | sed 's/^/    /'
}

# ------------------------------------------------------------- checkpatch

# Extract checkpatch.pl and the two data files it reads beside itself from
# the source tarball once; re-extract when the tarball changes.
checkpatch_get() {
	_cp=$BUILD/checkpatch
	_stamp=$(stat -c '%s %Y' "$CHECKPATCH_SRC" 2>/dev/null) || return 1
	if [ "$(cat "$_cp/.stamp" 2>/dev/null)" != "$_stamp" ]; then
		rm -rf "$_cp"
		mkdir -p "$_cp"
		_d=$(basename "$CHECKPATCH_SRC" .tar.xz)
		tar -xJf "$CHECKPATCH_SRC" -C "$_cp" --strip-components=2 \
			"$_d/scripts/checkpatch.pl" "$_d/scripts/spelling.txt" \
			"$_d/scripts/const_structs.checkpatch" || return 1
		echo "$_stamp" > "$_cp/.stamp"
	fi
	CHECKPATCH=$_cp/checkpatch.pl
}

lint_checkpatch() {
	if ! checkpatch_get; then
		show "checkpatch: cannot extract it from $CHECKPATCH_SRC" \
			"install linux-source-6.12 (scripts/deps.sh --for check)"
		found 1
		summary "checkpatch: not available: 1 finding"
		return
	fi
	_n=0 _f=0
	# Run from the top so that a .checkpatch.conf there applies.
	for _src in $(cd "$TOP" && find kmod -name '*.[ch]' ! -name '*.mod.c' | sort); do
		_n=$((_n + 1))
		_out=$(cd "$TOP" && perl "$CHECKPATCH" --no-tree --strict \
			--show-types -q -f "$_src" 2>&1)
		[ -n "$_out" ] || continue
		_c=$(printf '%s\n' "$_out" | grep -cE '^(ERROR|WARNING|CHECK):')
		[ "$_c" -gt 0 ] || _c=1
		_f=$((_f + _c))
		show "checkpatch: $_src:" "$_out"
	done
	found "$_f"
	summary "checkpatch --strict (linux-source-6.12): $_n files, $_f findings"
}

# ----------------------------------------------------------------- kbuild

# Build every module with W=1 and sparse for one kernel, with the runner's
# own vm_build_modules (a copy of the tree per kernel release), in a fresh
# directory so that every file is compiled and checked.  Anything printed
# other than the BTF note is a finding.
lint_kbuild_one() {
	_k=$1 _a=${2:-x86_64}
	if [ "$_a" != x86_64 ]; then
		# another architecture: cross-built against its sysroot
		# (unpacked unless cached, seconds)
		kernel_resolve "$_k" "$_a" 2>/dev/null || {
			summary "kbuild W=1 C=2 on $_k-$_a: skipped (its sysroot cannot be made: scripts/mkchroot.sh $(kernel_sysroot_profile "$_k" "$_a"))"
			return
		}
		lint_kbuild_build "$_k-$_a"
		return
	fi
	# Asked for its directory, the lab kernel is built when it is not
	# there yet (minutes), and a build in progress is waited for: lint
	# uses a lab kernel only once one has been built, and asks for no
	# build (OOPSLAB_LAB_NO_BUILD, for scripts/build_lab_kernel.sh).
	if [ "$_k" = lab ] &&
	   ! ls "${OOPSLAB_BUILD:-$TOP/build}"/lab-kernel/*/.oopslab-built >/dev/null 2>&1; then
		summary "kbuild W=1 C=2 on lab: skipped: not built (scripts/build_lab_kernel.sh)"
		return
	fi
	if ! _why=$(OOPSLAB_LAB_NO_BUILD=1 "$TOP/scripts/kernel-dir.sh" "$_k" 2>&1 >/dev/null); then
		summary "kbuild W=1 C=2 on $_k: skipped: $(printf '%s\n' "$_why" | tail -n 1 | sed 's/^kernel-dir: //')"
		return
	fi
	OOPSLAB_LAB_NO_BUILD=1 kernel_resolve "$_k" 2>/dev/null || {
		summary "kbuild W=1 C=2 on $_k: skipped (cannot resolve it)"
		return
	}
	lint_kbuild_build "$_k"
}

# lint_kbuild_build TARGET: the build for the K_* kernel_resolve set.
lint_kbuild_build() {
	_k=$1
	rm -rf "$(vm_kmod_dir)"
	_out=$(KBUILD_EXTRA_WARN=1 KBUILD_CHECKSRC=2 vm_build_modules 2>&1)
	_rc=$?
	_mods=$(find "$(vm_kmod_dir)/kmod" -name '*.ko' 2>/dev/null | wc -l)
	_f=0
	if [ -n "$_out" ]; then
		_f=$(printf '%s\n' "$_out" | grep -cE '(warning|error):')
		[ "$_f" -gt 0 ] || _f=1
		show "kbuild W=1 C=2 on $_k ($K_VER):" "$_out"
	fi
	if [ "$_rc" != 0 ] && [ "$_f" = 0 ]; then
		_f=1
		show "kbuild W=1 C=2 on $_k ($K_VER): build failed" \
			"log: $(vm_kmod_dir)/build.log"
	fi
	found "$_f"
	summary "kbuild W=1 C=2 on $_k ($K_VER): $_mods modules, $_f findings"
}

lint_kbuild() {
	command -v sparse >/dev/null 2>&1 || {
		show "kbuild: sparse is not installed" "scripts/deps.sh --for check"
		found 1
	}
	for _k in $KERNELS; do
		lint_kbuild_one "$_k"
	done
	for _a in $ARCHES; do
		[ "$_a" = x86_64 ] && continue
		for _k in $KERNELS_FOREIGN; do
			lint_kbuild_one "$_k" "$_a"
		done
	done
}

# ------------------------------------------------------------- sanitizers

SAN_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
# A sanitizer report makes the program exit 86 whatever it was doing.
export ASAN_OPTIONS=exitcode=86:detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=86

# san_run WANT CMD...: run CMD; a finding if it exits outside WANT (a
# space-separated list of codes) or prints a sanitizer report.
san_run() {
	_want=$1
	shift
	SAN_RUNS=$((SAN_RUNS + 1))
	_out=$(cd "$BUILD" && "$@" 2>&1 </dev/null)
	_rc=$?
	_cmd=$(basename "$1")
	[ $# -gt 1 ] && _cmd="$_cmd $(shift; echo "$*")"
	if printf '%s\n' "$_out" | grep -qE 'Sanitizer|runtime error:' || [ "$_rc" = 86 ]; then
		show "sanitizers: $_cmd: sanitizer report (exit $_rc):" "$_out"
		SAN_F=$((SAN_F + 1))
	elif ! echo " $_want " | grep -q " $_rc "; then
		show "sanitizers: $_cmd: exit $_rc, expected $_want:" "$_out"
		SAN_F=$((SAN_F + 1))
	fi
}

# The paths of a trigger that are safe on this machine, without its module:
# bad usage and --help everywhere, plus per-trigger ones.  "--help" is not
# an option of every trigger: its usage message with exit 2 is fine too.
san_trigger() {
	_t=$1
	san_run "0 2" "$SAN_BIN/$_t" --help
	san_run 2 "$SAN_BIN/$_t" --no-such-option
	case $_t in
	dirpro-kill)
		# kill(11111, 0) from the main thread: ESRCH without the
		# module (4 if that pid exists here).
		san_run "0 4" "$SAN_BIN/$_t" --main-thread --iterations 1000
		san_run 2 "$SAN_BIN/$_t" --iterations 0
		;;
	esac
}

lint_sanitizers() {
	SAN_BIN=$BUILD/asan
	SAN_F=0 SAN_RUNS=0
	rm -rf "$SAN_BIN"
	mkdir -p "$SAN_BIN"
	_triggers=
	for _c in "$TOP"/userspace/triggers/*.c; do
		[ -e "$_c" ] && _triggers="$_triggers $(basename "$_c" .c)"
	done
	_targets=
	for _t in $_triggers; do
		_targets="$_targets $SAN_BIN/$_t"
	done
	# The userspace Makefile's own flags (-Wall -Wextra -Werror ...), a
	# sanitizing compiler, and no -static: the sanitizer runtimes are
	# shared libraries.
	# shellcheck disable=SC2086 # a word list
	if ! _out=$(make -s -C "$TOP/userspace" BIN="$SAN_BIN" \
		CC="${CC:-cc} $SAN_CFLAGS" LDFLAGS= $_targets 2>&1); then
		show "sanitizers: building the triggers with ASan+UBSan failed:" "$_out"
		SAN_F=$((SAN_F + 1))
	elif [ -n "$_out" ]; then
		show "sanitizers: the trigger build printed:" "$_out"
		SAN_F=$((SAN_F + 1))
	fi
	for _t in $_triggers; do
		[ -x "$SAN_BIN/$_t" ] && san_trigger "$_t"
	done
	lint_parser
	found "$SAN_F"
	summary "sanitizers ASan+UBSan: $(echo "$_triggers" | wc -w) triggers, $SAN_RUNS runs; $PARSER_SUMMARY; $SAN_F findings"
}

# The parser's unit tests, which its Makefile builds with ASan+UBSan
# ("make -C userspace/oopsparse unit").  Sets PARSER_SUMMARY.
lint_parser() {
	_p=$TOP/userspace/oopsparse
	if ! _out=$(make -s -C "$_p" unit 2>&1); then
		show "sanitizers: make -C userspace/oopsparse unit failed:" \
			"$(printf '%s\n' "$_out" | tail -n 40)"
		SAN_F=$((SAN_F + 1))
		PARSER_SUMMARY="parser unit tests: failed"
		return
	fi
	if printf '%s\n' "$_out" | grep -qE 'Sanitizer|runtime error:'; then
		show "sanitizers: parser unit tests: sanitizer report:" "$_out"
		SAN_F=$((SAN_F + 1))
	fi
	_res=$(printf '%s\n' "$_out" | grep -iE 'pass' | tail -n 1 | sed 's/^# //')
	PARSER_SUMMARY="parser unit tests${_res:+ ($_res)}"
}

# ------------------------------------------------------------- shellcheck

# Every shell script: *.sh and files starting with a sh shebang, outside
# build output.  Libraries (no shebang, "# shellcheck shell=sh") define
# variables for the scripts that source them, so SC2034 (unused variable)
# is meaningless for them alone; the scripts are checked with -x, which
# reads the libraries they source.
lint_shellcheck() {
	command -v shellcheck >/dev/null 2>&1 || {
		show "shellcheck: not installed" "scripts/deps.sh --for check"
		found 1
		summary "shellcheck: not installed: 1 finding"
		return
	}
	_n=0 _f=0
	_files=$(cd "$TOP" && find . -path ./build -prune -o -path ./.git -prune \
		-o -path ./userspace/bin -prune -o -type f -print | sed 's|^\./||' |
		while read -r _x; do
			case $_x in
			*.sh) echo "$_x" ;;
			*.c | *.h | *.o | *.ko | *.txt | *.rst | *.md | *.log) ;;
			*) head -c 64 "$_x" 2>/dev/null | head -n 1 |
				grep -qE '^#! */bin/(ba|da)?sh' && echo "$_x" ;;
			esac
		done | sort)
	for _s in $_files; do
		_n=$((_n + 1))
		if head -n 1 "$TOP/$_s" | grep -q '^#!'; then
			_out=$(cd "$TOP" && shellcheck -x -P SCRIPTDIR -f gcc "$_s" 2>&1)
		else
			_out=$(cd "$TOP" && shellcheck -x -P SCRIPTDIR -e SC2034 -f gcc "$_s" 2>&1)
		fi
		[ -n "$_out" ] || continue
		_c=$(printf '%s\n' "$_out" | wc -l)
		_f=$((_f + _c))
		show "shellcheck: $_s:" "$_out"
	done
	found "$_f"
	summary "shellcheck $(shellcheck --version | sed -n 's/^version: //p') -x: $_n scripts, $_f findings"
}

# ------------------------------------------------------------------- main

only=$TOOLS
while [ $# -gt 0 ]; do
	case $1 in
	--only) [ $# -ge 2 ] || die "$KSFT_USAGE" "--only needs a value"
		only=$(echo "$2" | tr ',' ' '); shift ;;
	--only=*) only=$(echo "${1#*=}" | tr ',' ' ') ;;
	-h | --help) sed -n '4,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "$KSFT_USAGE" "unknown argument $1 (see --help)" ;;
	esac
	shift
done
for t in $only; do
	case " $TOOLS " in
	*" $t "*) ;;
	*) die "$KSFT_USAGE" "unknown tool '$t' (valid: $TOOLS)" ;;
	esac
done

mkdir -p "$BUILD" || die "$KSFT_FAIL" "cannot create $BUILD"
for t in $TOOLS; do
	case " $only " in
	*" $t "*) progress "$t"; "lint_$t" ;;
	esac
done

echo
printf '%s' "$SUMMARY"
echo "lint: $FINDINGS findings"
[ "$FINDINGS" = 0 ]
