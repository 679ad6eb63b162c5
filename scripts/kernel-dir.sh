#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Print the build directory modules are built against for KERNEL
# (debian-6.1 by default, debian-5.10, debian-6.12, debian-7, lab, or a
# build directory).
#   make KDIR=$(scripts/kernel-dir.sh debian-6.12)
# debian-5.10 and debian-7 are built in the chroot of their release, with
# its compiler: for them it prints the directory on the host and, on
# stderr, the command that builds there.
set -u
PROG=kernel-dir
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/scripts/lib/common.sh"
. "$TOP/scripts/lib/kernels.sh"

k=${1:-debian-6.1}
case $k in
lab) how="scripts/build_lab_kernel.sh builds it; its log is in build/lab-kernel/" ;;
debian-5.10 | debian-7) how="scripts/mkchroot.sh makes its chroot, as root" ;;
debian-*) how="scripts/deps.sh $k installs it" ;;
*) how="pass a kernel build directory" ;;
esac
kernel_resolve "$k" || die 1 "kernel $k is not available ($how)"
[ -d "$K_CHROOT$K_BUILD" ] || die 1 "no build directory $K_CHROOT$K_BUILD ($how)"
[ -n "$K_CHROOT" ] &&
	progress "$k: its headers want the compiler of their release; build in its chroot: chroot $K_CHROOT make -C $K_BUILD M=DIR (DIR inside it)"
echo "$K_CHROOT$K_BUILD"
