#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Print the build directory modules are built against for KERNEL
# (debian-6.1 by default, debian-5.10, debian-6.12, debian-7, lab, or a
# build directory) on ARCH (x86_64 by default, arm64, ppc64le).
#   scripts/kernel-dir.sh [KERNEL [ARCH]]
#   make KDIR=$(scripts/kernel-dir.sh debian-6.12)
# debian-5.10 and debian-7 are built in the chroot of their release, with
# its compiler: for them it prints the directory on the host and, on
# stderr, the command that builds there; another architecture's headers
# are in its sysroot, and stderr says which ARCH= and CROSS_COMPILE=.
set -u
PROG=kernel-dir
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/scripts/lib/common.sh"
. "$TOP/scripts/lib/kernels.sh"

k=${1:-debian-6.1} a=${2:-x86_64}
case $k in
lab) how="scripts/build_lab_kernel.sh builds it; its log is in build/lab-kernel/" ;;
debian-5.10 | debian-7) how="scripts/mkchroot.sh makes its chroot, as root" ;;
debian-*) how="scripts/deps.sh $k installs it" ;;
*) how="pass a kernel build directory" ;;
esac
arch_known "$a" || die 2 "unknown architecture '$a' (valid: $ARCHES)"
kernel_offered "$k" "$a" || die 1 "kernel $k is not offered on $a (there: $KERNELS_FOREIGN)"
[ "$a" = x86_64 ] || how="scripts/mkchroot.sh $(kernel_sysroot_profile "$k" "$a") unpacks it, as root"
kernel_resolve "$k" "$a" || die 1 "kernel $k on $a is not available ($how)"
[ -d "$K_CHROOT$K_BUILD" ] || die 1 "no build directory $K_CHROOT$K_BUILD ($how)"
[ -n "$K_CHROOT" ] &&
	progress "$k: its headers want the compiler of their release; build in its chroot: chroot $K_CHROOT make -C $K_BUILD M=DIR (DIR inside it)"
[ -n "$A_CROSS" ] &&
	progress "$k on $a: make -C $K_BUILD M=DIR ARCH=$A_KARCH CROSS_COMPILE=$A_CROSS (apt-get install $(echo "$A_PKGS" | cut -d ' ' -f 2))"
echo "$K_CHROOT$K_BUILD"
