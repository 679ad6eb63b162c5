# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# The kernels a run can target (host side).  kernel_resolve NAME sets:
#   K_NAME     debian-5.10 | debian-6.1 | debian-6.12 | debian-7 | lab | custom
#   K_PKGS     host packages it needs (for scripts/deps.sh)
#   K_VER      kernel release (uname -r in the guest)
#   K_IMAGE    the bzImage QEMU boots
#   K_CHROOT   the chroot of another Debian release its modules are built
#              in, with that release's compiler; empty: built on the host
#   K_BUILD    the build directory modules are built against (a path in
#              K_CHROOT when that is set)
#   K_MODDIR   /lib/modules/K_VER of that kernel, for "requires" modules
#   K_CONFIG   its .config
# kernel_packages NAME prints K_PKGS without needing them installed.
#
# debian-6.1 and debian-6.12 are Debian 12's own and are installed on the
# host.  debian-5.10 (Debian 11) and debian-7 (Debian 13's backports) come
# with headers that want another gcc and another glibc: their image,
# modules and headers are installed in a chroot of their release
# (scripts/mkchroot.sh), made on first use and cached.

KERNELS="debian-5.10 debian-6.1 debian-6.12 debian-7 lab"

# The 6.12 point release is pinned here and only here: io-wq and the
# fault paths changed inside 6.12.x, and signatures must not drift.
DEBIAN_612_ABI=6.12.117+deb12-cloud-amd64
# Likewise 5.10 (bullseye-security) and 7.x: the newest 7.x that
# trixie-backports offers, 7.3.4 on 2026-12-01.  That suite keeps older
# uploads beside the newest, so the pin keeps installing; a newer one is
# taken by changing this line and re-checking the signatures on it.
DEBIAN_510_ABI=5.10.0-46-cloud-amd64
DEBIAN_7_ABI=7.3.4+deb13-cloud-amd64

kernel_packages() {
	case $1 in
	debian-6.1) echo "linux-image-cloud-amd64 linux-headers-cloud-amd64" ;;
	debian-6.12) echo "linux-image-$DEBIAN_612_ABI linux-headers-$DEBIAN_612_ABI" ;;
	debian-5.10 | debian-7) echo "mmdebstrap" ;;
	lab) echo "linux-source-6.12 bc bison flex libelf-dev libssl-dev" ;;
	*) ;;
	esac
}

# Set the K_* variables from a kernel release installed by Debian packages.
kernel_from_debian() {
	K_VER=$1
	K_CHROOT=''
	K_IMAGE=/boot/vmlinuz-$K_VER
	K_BUILD=/lib/modules/$K_VER/build
	K_MODDIR=/lib/modules/$K_VER
	K_CONFIG=/boot/config-$K_VER
}

# Set them from a kernel build directory (a lab kernel, or a user's own).
kernel_from_build_dir() {
	K_CHROOT=''
	K_BUILD=$(cd "$1" && pwd)
	K_IMAGE=$K_BUILD/arch/x86/boot/bzImage
	K_CONFIG=$K_BUILD/.config
	K_VER=$(cat "$K_BUILD/include/config/kernel.release" 2>/dev/null)
	K_MODDIR=$K_BUILD/modules-install/lib/modules/$K_VER
}

# Set them from the chroot of PROFILE (made unless cached), with release
# VER installed in it.  Debian 13 keeps the image and the config in
# /usr/lib/modules/VER/ (its linux-image postinst copies them to /boot);
# Debian 11 has them in /boot.
kernel_from_chroot() {
	K_CHROOT=$("$TOP/scripts/mkchroot.sh" --print-dir "$1") || return 1
	K_VER=$2
	K_BUILD=/usr/src/linux-headers-$K_VER
	K_MODDIR=$K_CHROOT/lib/modules/$K_VER
	K_IMAGE=$K_CHROOT/boot/vmlinuz-$K_VER
	K_CONFIG=$K_CHROOT/boot/config-$K_VER
	[ -r "$K_IMAGE" ] || K_IMAGE=$K_MODDIR/vmlinuz
	[ -r "$K_CONFIG" ] || K_CONFIG=$K_MODDIR/config
}

kernel_resolve() {
	K_NAME=$1
	K_PKGS=$(kernel_packages "$1")
	case $1 in
	debian-6.1)
		v=$(dpkg-query -W -f '${Depends}' linux-image-cloud-amd64 2>/dev/null |
			sed -n 's/^linux-image-\([^ ,]*\).*/\1/p')
		[ -n "$v" ] || return 1
		kernel_from_debian "$v"
		;;
	debian-6.12)
		kernel_from_debian "$DEBIAN_612_ABI"
		;;
	debian-5.10)
		kernel_from_chroot build-5.10 "$DEBIAN_510_ABI"
		;;
	debian-7)
		kernel_from_chroot build-7 "$DEBIAN_7_ABI"
		;;
	lab)
		d=$("$TOP/scripts/build_lab_kernel.sh" --print-dir) || return 1
		kernel_from_build_dir "$d"
		;;
	*)
		# A user's own kernel: its build directory (with the bzImage).
		[ -d "$1" ] || return 1
		K_NAME=custom
		kernel_from_build_dir "$1"
		;;
	esac
}

# Is everything there to run on K_*?  Prints what is missing.
kernel_missing() {
	[ -n "$K_VER" ] || { echo "kernel release unknown"; return 0; }
	[ -r "$K_IMAGE" ] || { echo "no kernel image $K_IMAGE"; return 0; }
	[ -d "${K_CHROOT:-}$K_BUILD" ] || { echo "no headers/build directory ${K_CHROOT:-}$K_BUILD"; return 0; }
	[ -r "${K_CHROOT:-}$K_BUILD/Makefile" ] || { echo "no Makefile in ${K_CHROOT:-}$K_BUILD"; return 0; }
	return 1
}
