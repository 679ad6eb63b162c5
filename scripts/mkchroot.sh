#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Make, or reuse, a Debian chroot of another release: the one builder for
# what oopslab needs from other Debian releases.
#
#   scripts/mkchroot.sh [--print-dir] [--rebuild] PROFILE
#   scripts/mkchroot.sh --list
#
# A profile (scripts/lib/chroot.sh) names a suite, its apt sources, a
# variant and the packages to install.  The chroot is made with mmdebstrap,
# which gives it apt sources of its own: the host's apt configuration is
# never read or changed.  It is kept in build/chroots/PROFILE-HASH/, where
# HASH is that of the profile's definition and of this builder, so a
# changed profile gets a new chroot and an unchanged one is reused.
# --print-dir prints the directory (and only that, on stdout); progress
# goes to stderr.
#
# Users: modules built the way a user of an older or newer release builds
# them (with that release's headers and compiler, build-* profiles), and
# the root file system of a full lab-VM image (labvm-* profiles), and
# another architecture's kernel, headers, busybox and liburing, unpacked
# for cross builds and QEMU (sysroot-* profiles).

# shellcheck disable=SC2034 # PROG is for the sourced libraries
set -u
PROG=mkchroot
TOP=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${OOPSLAB_BUILD:-$TOP/build}
. "$TOP/scripts/lib/common.sh"
. "$TOP/scripts/lib/kernels.sh"
. "$TOP/scripts/lib/chroot.sh"

print_dir=0 rebuild=0 profile=''
while [ $# -gt 0 ]; do
	case $1 in
	--print-dir) print_dir=1 ;;
	--rebuild) rebuild=1 ;;
	--list)
		for p in $CHROOT_PROFILES; do
			chroot_profile "$p"
			printf '%-20s %s %s: %s\n' "$p" "$C_SUITE" "$C_VARIANT" "$C_DESCRIPTION"
		done
		exit 0 ;;
	-h | --help) sed -n '4,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	-*) die "$KSFT_USAGE" "unknown option $1 (see --help)" ;;
	*) [ -z "$profile" ] || die "$KSFT_USAGE" "one profile at a time"; profile=$1 ;;
	esac
	shift
done
[ -n "$profile" ] || die "$KSFT_USAGE" "name a profile (valid: $CHROOT_PROFILES)"
chroot_profile "$profile" ||
	die "$KSFT_USAGE" "unknown profile '$profile' (valid: $CHROOT_PROFILES)"

dir=$(chroot_dir "$profile")
if [ "$rebuild" = 0 ] && [ -e "$dir/.oopslab-complete" ]; then
	[ "$print_dir" = 1 ] && echo "$dir"
	exit 0
fi
[ "$(id -u)" = 0 ] || die 1 "making a chroot needs root (mmdebstrap's root mode)"
command -v mmdebstrap >/dev/null 2>&1 ||
	die 1 "mmdebstrap is not installed: apt-get install mmdebstrap, or scripts/deps.sh --for check"

mkdir -p "$BUILD/chroots" || die 1 "cannot create $BUILD/chroots"
# One builder per chroot: a second one (another terminal) waits, then
# finds it made.
exec 9>"$dir.lock"
flock 9 || die 1 "cannot lock $dir.lock"
if [ "$rebuild" = 0 ] && [ -e "$dir/.oopslab-complete" ]; then
	[ "$print_dir" = 1 ] && echo "$dir"
	exit 0
fi
tmp=$dir.tmp
rm -rf "$tmp" "$dir"
log=$dir.log
t0=$(now_ms)
progress "chroot $profile: $C_SUITE ($C_VARIANT) + $(echo "$C_PACKAGES" | wc -w) packages into $dir (log $log)"

# mmdebstrap logs each phase; one progress line per phase, with the time.
# shellcheck disable=SC2086 # word lists
(
	set -- --variant="$C_VARIANT" --verbose
	[ -n "$C_ARCH" ] && set -- "$@" --architectures="$C_ARCH"
	[ -n "$C_PACKAGES" ] && set -- "$@" --include="$(echo $C_PACKAGES | tr ' ' ',')"
	nl='
'
	IFS=$nl
	for o in $C_APTOPTS; do
		set -- "$@" --aptopt="$o"
	done
	for h in $C_SETUP_HOOKS; do
		set -- "$@" --setup-hook="$h"
	done
	for h in $C_HOOKS; do
		set -- "$@" --customize-hook="$h"
	done
	unset IFS
	export OOPSLAB_TOP="$TOP"
	echo "$C_SOURCES" | mmdebstrap "$@" "$C_SUITE" "$tmp" -
	echo "mmdebstrap-exit $?"
) >"$log" 2>&1 &
pid=$!
last=''
while kill -0 "$pid" 2>/dev/null; do
	sleep 2
	phase=$(grep -o '^I: [a-z][a-z -]*\.\.\.' "$log" 2>/dev/null | tail -n 1)
	if [ -n "$phase" ] && [ "$phase" != "$last" ]; then
		progress "  [$(fmt_secs $(($(now_ms) - t0))) s] ${phase#I: }"
		last=$phase
	fi
done
wait "$pid"
if ! grep -q '^mmdebstrap-exit 0$' "$log"; then
	grep -E '^(E:|W:)' "$log" | tail -n 5 >&2
	rm -rf "$tmp"
	die 1 "chroot $profile: mmdebstrap failed (log: $log)"
fi
# mmdebstrap runs no hooks for the extract variant: they run here, the
# same way (sh, the directory as "$1").
if [ "$C_VARIANT" = extract ]; then
	nl='
'
	IFS=$nl
	for h in $C_HOOKS; do
		OOPSLAB_TOP=$TOP sh -c "$h" hook "$tmp" >>"$log" 2>&1 || {
			rm -rf "$tmp"
			die 1 "chroot $profile: hook failed: $h (log: $log)"
		}
	done
	unset IFS
fi
chroot_manifest "$profile" > "$tmp/.oopslab-inputs"
mv "$tmp" "$dir" || die 1 "cannot move $tmp to $dir"
touch "$dir/.oopslab-complete"
# Chroots of this profile made from other inputs are of no use any more.
prune_outdated "$dir"
progress "chroot $profile: ready in $(fmt_secs $(($(now_ms) - t0))) s, $(du -sh "$dir" | cut -f1)"
[ "$print_dir" = 1 ] && echo "$dir"
exit 0
