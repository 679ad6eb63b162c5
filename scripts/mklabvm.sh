#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Make, or reuse, the suite's full Debian lab-VM image: systemd, the
# distribution's kernel and headers, a compiler and dkms, as a user's own
# lab VM has them.
#
#   scripts/mklabvm.sh [--print-dir] [--rebuild] [PROFILE]
#
# PROFILE is a labvm-* profile of scripts/mkchroot.sh (default labvm-12,
# Debian 12); its root file system is the chroot that script makes, put
# into an ext4 image (mkfs.ext4 -d) labelled oopslab-root.  Kept in
# build/labvm/PROFILE-HASH/ (HASH: the chroot's, and this script's), with
# the kernel and initrd QEMU boots it with:
#   root.img  vmlinuz  initrd.img  release
# --print-dir prints that directory (only that, on stdout); progress goes to
# stderr.  run_reproducer.sh --lab-vm boots it with a copy-on-write root
# (the image is never changed).

# shellcheck disable=SC2034 # PROG is for the sourced libraries
set -u
PROG=mklabvm
TOP=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${OOPSLAB_BUILD:-$TOP/build}
. "$TOP/scripts/lib/common.sh"

print_dir=0 rebuild='' profile=''
while [ $# -gt 0 ]; do
	case $1 in
	--print-dir) print_dir=1 ;;
	--rebuild) rebuild=--rebuild ;;
	-h | --help) sed -n '4,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	-*) die "$KSFT_USAGE" "unknown option $1 (see --help)" ;;
	*) [ -z "$profile" ] || die "$KSFT_USAGE" "one profile at a time"; profile=$1 ;;
	esac
	shift
done
profile=${profile:-labvm-12}
case $profile in
labvm-*) ;;
*) die "$KSFT_USAGE" "'$profile' is not a lab-VM profile (scripts/mkchroot.sh --list)" ;;
esac

root=$("$TOP/scripts/mkchroot.sh" --print-dir $rebuild "$profile") || exit 1
h=$( (basename "$root"; sha256sum "$0" | cut -d ' ' -f 1) | sha256sum | cut -c1-12)
dir=$BUILD/labvm/$profile-$h
if [ -z "$rebuild" ] && [ -e "$dir/.oopslab-complete" ]; then
	[ "$print_dir" = 1 ] && echo "$dir"
	exit 0
fi
mkdir -p "$BUILD/labvm" || die 1 "cannot create $BUILD/labvm"
exec 9>"$dir.lock"
flock 9 || die 1 "cannot lock $dir.lock"
if [ -z "$rebuild" ] && [ -e "$dir/.oopslab-complete" ]; then
	[ "$print_dir" = 1 ] && echo "$dir"
	exit 0
fi
command -v mkfs.ext4 >/dev/null 2>&1 || die 1 "mkfs.ext4 is missing: apt-get install e2fsprogs"

t0=$(now_ms)
rm -rf "$dir.tmp"
mkdir -p "$dir.tmp"
vmlinuz=$(find "$root/boot" -name 'vmlinuz-*' | sort -V | tail -n 1)
[ -n "$vmlinuz" ] || die 1 "no kernel in $root/boot"
release=${vmlinuz##*/vmlinuz-}
[ -r "$root/boot/initrd.img-$release" ] || die 1 "no initrd for $release in $root/boot"
cp "$vmlinuz" "$dir.tmp/vmlinuz"
cp "$root/boot/initrd.img-$release" "$dir.tmp/initrd.img"
echo "$release" > "$dir.tmp/release"

# Room for the modules a user builds and installs, dkms's tree and the
# crash logs; the file is sparse, what counts is what is used.
used=$(du -sm "$root" | cut -f 1)
size=$((used + 2048))
progress "image $profile: ext4 of ${size} MB from $root (${used} MB used)"
if ! mkfs.ext4 -q -F -L oopslab-root -d "$root" "$dir.tmp/root.img" "${size}M" \
	>"$dir.tmp/mkfs.log" 2>&1; then
	tail -n 5 "$dir.tmp/mkfs.log" >&2
	die 1 "mkfs.ext4 -d failed (log: $dir.tmp/mkfs.log)"
fi
rm -rf "$dir"
mv "$dir.tmp" "$dir" || die 1 "cannot move $dir.tmp to $dir"
touch "$dir/.oopslab-complete"
prune_outdated "$dir"
progress "image $profile: $release, ready in $(fmt_secs $(($(now_ms) - t0))) s: $dir"
[ "$print_dir" = 1 ] && echo "$dir"
exit 0
