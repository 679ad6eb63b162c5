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

kernel_resolve "${1:-debian-6.1}" ||
	die 1 "kernel ${1:-debian-6.1} is not installed (scripts/deps.sh ${1:-debian-6.1} installs it)"
[ -d "$K_BUILD" ] ||
	die 1 "no build directory $K_BUILD (scripts/deps.sh ${1:-debian-6.1} installs the headers)"
echo "$K_BUILD"
