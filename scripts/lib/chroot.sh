# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# The chroots scripts/mkchroot.sh makes.  chroot_profile NAME sets:
#   C_DESCRIPTION  one line for --list
#   C_SUITE        the Debian suite mmdebstrap starts from
#   C_VARIANT      mmdebstrap's --variant (apt: essential + apt; buildd:
#                  build-essential too)
#   C_SOURCES      the chroot's own apt sources, one "deb ..." line each
#   C_PACKAGES     packages to install
#   C_HOOKS        mmdebstrap --customize-hook commands, one word each
# chroot_dir NAME prints where it is kept; chroot_manifest NAME what it is
# made of (its hash names the directory).

CHROOT_PROFILES="build-5.10"

# Debian's archive, as the host reaches it.
CHROOT_MIRROR=${OOPSLAB_MIRROR:-http://deb.debian.org/debian}
CHROOT_SECURITY=${OOPSLAB_SECURITY_MIRROR:-http://deb.debian.org/debian-security}

# The 5.10 point release is pinned here and only here, as 6.12's is in
# kernels.sh: signatures must not drift with a new upload.
DEBIAN_510_ABI=5.10.0-46-cloud-amd64

chroot_profile() {
	C_HOOKS=''
	case $1 in
	build-5.10)
		C_DESCRIPTION="Debian 11 (bullseye-security): gcc-10 and the 5.10 cloud kernel's headers and image"
		C_SUITE=bullseye
		C_VARIANT=buildd
		C_SOURCES="deb $CHROOT_MIRROR bullseye main
deb $CHROOT_SECURITY bullseye-security main"
		C_PACKAGES="kmod linux-headers-$DEBIAN_510_ABI linux-image-$DEBIAN_510_ABI"
		;;
	*) return 1 ;;
	esac
}

chroot_manifest() {
	chroot_profile "$1" || return 1
	printf 'profile: %s\nsuite: %s\nvariant: %s\nsources:\n%s\npackages: %s\nhooks: %s\n' \
		"$1" "$C_SUITE" "$C_VARIANT" "$C_SOURCES" "$C_PACKAGES" "$C_HOOKS"
	# the builder is an input too: a change in how it builds is a new chroot
	sha256sum "$TOP/scripts/mkchroot.sh" | cut -d ' ' -f 1
}

chroot_dir() {
	_h=$(chroot_manifest "$1" | sha256sum | cut -c1-12)
	echo "$BUILD/chroots/$1-$_h"
}
