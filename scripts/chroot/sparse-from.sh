#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# sparse-from.sh ROOT SUITE: install the sparse binary of Debian's SUITE as
# /usr/local/bin/sparse in the chroot ROOT (an mmdebstrap customize hook,
# profile build-7).  7.x's headers use __typeof_unqual__, which sparse
# parses from 0.6.5 on; trixie has 0.6.4, and forky's package wants gcc-16,
# which a trixie system cannot take.  The binary itself needs only libc
# (>= 2.38; trixie has 2.41), so it is taken alone.  apt runs with the
# chroot's configuration (MMDEBSTRAP_APT_CONFIG): the host's is not used.
set -eu
root=$1 suite=$2
cd "$root/tmp"
APT_CONFIG=$MMDEBSTRAP_APT_CONFIG apt-get download -q "sparse/$suite"
dpkg-deb --fsys-tarfile sparse_*.deb | tar -xO ./usr/bin/sparse >"$root/usr/local/bin/sparse"
chmod 755 "$root/usr/local/bin/sparse"
rm -f sparse_*.deb
chroot "$root" /usr/local/bin/sparse --version
