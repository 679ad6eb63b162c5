#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Print the build directory modules are built against for KERNEL
# (debian-6.1 by default, debian-6.12, lab, or a build directory).
#   make KDIR=$(scripts/kernel-dir.sh debian-6.12)
set -u
PROG=kernel-dir
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/scripts/lib/common.sh"
. "$TOP/scripts/lib/kernels.sh"

k=${1:-debian-6.1}
case $k in
lab) how="scripts/build_lab_kernel.sh builds it; its log is in build/lab-kernel/" ;;
debian-*) how="scripts/deps.sh $k installs it" ;;
*) how="pass a kernel build directory" ;;
esac
kernel_resolve "$k" || die 1 "kernel $k is not available ($how)"
[ -d "$K_BUILD" ] || die 1 "no build directory $K_BUILD ($how)"
echo "$K_BUILD"
