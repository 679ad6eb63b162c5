# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# The kernels a run can target (host side).  kernel_resolve NAME [ARCH]
# sets:
#   K_NAME     debian-5.10 | debian-6.1 | debian-6.12 | debian-7 | lab | custom
#   K_ARCH     x86_64 (the default) | arm64 | ppc64le (scripts/lib/arch.sh,
#              whose A_* it also sets)
#   K_TARGET   K_NAME on x86_64, else K_NAME-K_ARCH: the name of the
#              matrix column, the runs directory and the table's
#              "key@TARGET" overrides
#   K_PKGS     host packages it needs (for scripts/deps.sh)
#   K_VER      kernel release (uname -r in the guest)
#   K_IMAGE    the image QEMU boots
#   K_CHROOT   the chroot of another Debian release its modules are built
#              in, with that release's compiler; empty: built on the host
#   K_BUILD    the build directory modules are built against (a path in
#              K_CHROOT when that is set)
#   K_SYSROOT  for another architecture: the tree its Debian packages are
#              unpacked in (headers, image, modules, busybox, liburing);
#              its modules are cross-built on the host
#   K_MODDIR   /lib/modules/K_VER of that kernel, for "requires" modules
#   K_CONFIG   its .config
# kernel_packages NAME [ARCH] prints K_PKGS without needing them installed.
#
# debian-6.1 and debian-6.12 are Debian 12's own and are installed on the
# host.  debian-5.10 (Debian 11) and debian-7 (Debian 13's backports) come
# with headers that want another gcc and another glibc: their image,
# modules and headers are installed in a chroot of their release
# (scripts/mkchroot.sh), made on first use and cached.  On arm64 and
# ppc64le, debian-6.1 and debian-6.12 are the same releases' cloud-arm64
# and powerpc64le flavours: their packages are unpacked into a sysroot by
# the same builder (profiles sysroot-*, mmdebstrap's extract variant: no
# foreign architecture in the host's dpkg), and built against with the
# host's own linux-kbuild of that release and Debian's cross compiler.

. "$TOP/scripts/lib/arch.sh"

KERNELS="debian-5.10 debian-6.1 debian-6.12 debian-7 lab"
# The kernels offered on the other architectures (kernel_arches).
KERNELS_FOREIGN="debian-6.1 debian-6.12"

# The 6.12 point release is pinned here and only here: io-wq and the
# fault paths changed inside 6.12.x, and signatures must not drift.
DEBIAN_612_ABI=6.12.117+deb12-cloud-amd64
# Likewise 5.10 (bullseye-security) and 7.x: the newest 7.x that
# trixie-backports offers, 7.3.4 on 2026-12-01.  That suite keeps older
# uploads beside the newest, so the pin keeps installing; a newer one is
# taken by changing this line and re-checking the signatures on it.
DEBIAN_510_ABI=5.10.0-46-cloud-amd64
DEBIAN_7_ABI=7.3.4+deb13-cloud-amd64

# kernel_arches NAME: the architectures NAME can be run on.  The others
# are not there yet: 5.10 and 7.x want their release's cross compiler in
# their chroot, the lab kernel a cross build of its own (Documentation/
# architectures.rst).
kernel_arches() {
	case " $KERNELS_FOREIGN " in
	*" $1 "*) echo "$ARCHES" ;;
	*) echo x86_64 ;;
	esac
}

# kernel_offered NAME ARCH: can NAME run on ARCH?
kernel_offered() {
	case " $(kernel_arches "$1") " in
	*" $2 "*) return 0 ;;
	esac
	return 1
}

# kernel_foreign_release NAME ARCH: the release of NAME's flavour for
# ARCH (6.1.0-57-cloud-arm64): the same upload as on x86_64, so that the
# host's linux-kbuild of it builds for it.
kernel_foreign_release() {
	case $1 in
	debian-6.1) _b=$(debian_61_abi) ;;
	debian-6.12) _b=$DEBIAN_612_ABI ;;
	*) return 1 ;;
	esac
	[ -n "$_b" ] && arch_resolve "$2" || return 1
	echo "${_b%-cloud-amd64}-$A_KFLAVOUR"
}

# The ABI of bookworm's 6.1 cloud kernel, as installed on the host
# (6.1.0-N-cloud-amd64): the other architectures' 6.1 is the same upload,
# so that the host's linux-kbuild-6.1 builds for it.
debian_61_abi() {
	dpkg-query -W -f '${Depends}' linux-image-cloud-amd64 2>/dev/null |
		sed -n 's/^linux-image-\([^ ,]*\).*/\1/p'
}

kernel_packages() {
	if [ "${2:-x86_64}" != x86_64 ]; then
		arch_resolve "$2" || return 0
		# the x86 packages of the release bring its linux-kbuild
		echo "mmdebstrap $A_PKGS $(kernel_packages "$1")"
		return 0
	fi
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

# Set them from the sysroot of PROFILE (unpacked unless cached) with
# release VER for another architecture.
kernel_from_sysroot() {
	K_CHROOT=''
	K_SYSROOT=$("$TOP/scripts/mkchroot.sh" --print-dir "$1") || return 1
	K_VER=$2
	K_BUILD=$K_SYSROOT/usr/src/linux-headers-$K_VER
	K_MODDIR=$K_SYSROOT/lib/modules/$K_VER
	K_IMAGE=$K_SYSROOT/boot/$A_IMAGE-$K_VER
	K_CONFIG=$K_SYSROOT/boot/config-$K_VER
}

# The sysroot profile of kernel NAME on ARCH (scripts/lib/chroot.sh).
kernel_sysroot_profile() {
	echo "sysroot-${1#debian-}-$2"
}

kernel_resolve() {
	K_NAME=$1
	K_ARCH=${2:-x86_64}
	K_TARGET=$K_NAME K_SYSROOT=''
	arch_resolve "$K_ARCH" || return 1
	K_PKGS=$(kernel_packages "$1" "$K_ARCH")
	if [ "$K_ARCH" != x86_64 ]; then
		K_TARGET=$K_NAME-$K_ARCH
		kernel_offered "$1" "$K_ARCH" || return 1
		_r=$(kernel_foreign_release "$1" "$K_ARCH") || return 1
		kernel_from_sysroot "$(kernel_sysroot_profile "$1" "$K_ARCH")" "$_r"
		return
	fi
	case $1 in
	debian-6.1)
		v=$(debian_61_abi)
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
		K_NAME=custom K_TARGET=custom
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
