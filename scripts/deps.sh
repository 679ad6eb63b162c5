#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Install what oopslab needs on a Debian 12 host, only what is missing.
#
#   scripts/deps.sh [--check] [--for build|check] [--arch A ...] [KERNEL ...]
#
# KERNEL is debian-6.1 (the default), debian-5.10, debian-6.12, debian-7 or
# lab; A x86_64 (the default), arm64 or ppc64le (QEMU for it, the cross
# compiler; its kernels come unpacked into a sysroot by scripts/mkchroot.sh,
# never through the host's dpkg).  --check lists what is missing and exits
# 1 if anything is, installing nothing.  --for check adds the tools the
# test suite uses (clang for fuzzing, jq, ...).

set -u
PROG=deps
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/scripts/lib/common.sh"
. "$TOP/scripts/lib/kernels.sh"

BUILD_PKGS="build-essential kmod cpio gzip xz-utils qemu-system-x86 busybox-static liburing-dev"
# make lint also needs checkpatch.pl, from the 6.12 source tarball;
# scripts/check_source.sh needs spatch; the chroots of debian-5.10 and
# debian-7 (the matrix, lint) need mmdebstrap
CHECK_PKGS="clang libclang-rt-14-dev jq shellcheck sparse linux-source-6.12 coccinelle mmdebstrap"

check_only=0
purpose=build
kernels=
arches=
while [ $# -gt 0 ]; do
	case $1 in
	--check) check_only=1 ;;
	--for) shift; purpose=${1:-} ;;
	--arch) shift; arches="$arches ${1:-}" ;;
	--arch=*) arches="$arches ${1#*=}" ;;
	-h | --help) sed -n '4,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	-*) die "$KSFT_USAGE" "unknown option $1" ;;
	*) kernels="$kernels $1" ;;
	esac
	shift
done
case $purpose in
build | check) ;;
*) die "$KSFT_USAGE" "--for takes build or check" ;;
esac
[ -n "$kernels" ] || kernels=debian-6.1
[ -n "$arches" ] || arches=x86_64
for a in $arches; do
	arch_known "$a" || die "$KSFT_USAGE" "unknown architecture '$a' (valid: $ARCHES)"
done

pkgs=$BUILD_PKGS
[ "$purpose" = check ] && pkgs="$pkgs $CHECK_PKGS"
for k in $kernels; do
	# the full Debian lab VM (run_reproducer.sh --lab-vm)
	[ "$k" = labvm ] && { pkgs="$pkgs mmdebstrap e2fsprogs"; continue; }
	case " $KERNELS " in
	*" $k "*)
		for a in $arches; do
			kernel_offered "$k" "$a" && pkgs="$pkgs $(kernel_packages "$k" "$a")"
		done ;;
	*) [ -d "$k" ] || die "$KSFT_USAGE" "unknown kernel '$k' (valid: $KERNELS, or a kernel build directory)" ;;
	esac
done

missing=
for p in $pkgs; do
	s=$(dpkg-query -W -f '${Status}' "$p" 2>/dev/null)
	[ "$s" = "install ok installed" ] || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$check_only" = 1 ]; then
	echo "missing:$missing"
	exit 1
fi
[ "$(id -u)" = 0 ] || die 1 "missing packages:$missing (run as root, or: sudo apt-get install$missing)"

progress "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists yet; an old list may lack the
# current kernel ABI.  Update once, then install.
apt-get update -q >/dev/null || die 1 "apt-get update failed"
# shellcheck disable=SC2086 # a word list
apt-get install -y -q --no-install-recommends $missing >/dev/null ||
	die 1 "apt-get install failed for:$missing"
progress "installed:$missing"
