# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# The chroots scripts/mkchroot.sh makes.  chroot_profile NAME sets:
#   C_DESCRIPTION  one line for --list
#   C_SUITE        the Debian suite mmdebstrap starts from
#   C_VARIANT      mmdebstrap's --variant (apt: essential + apt; buildd:
#                  build-essential too; extract: the packages unpacked,
#                  nothing run, as for another architecture)
#   C_ARCH         Debian architecture (mmdebstrap's --architectures);
#                  empty: the host's
#   C_SOURCES      the chroot's own apt sources, one "deb ..." line each
#   C_PACKAGES     packages to install (PKG/SUITE takes it from SUITE)
#   C_APTOPTS      apt options for mmdebstrap's --aptopt, one per line
#   C_SETUP_HOOKS  mmdebstrap --setup-hook commands (before any package is
#                  installed), one per line
#   C_HOOKS        mmdebstrap --customize-hook commands (after), one per line
# Hooks run under sh with the chroot directory as "$1" and the tree as
# "$OOPSLAB_TOP"; the files they install are kept in scripts/chroot/ and
# scripts/labvm/ (each hashed with the profiles whose hooks name it).
# chroot_dir NAME prints where it is kept; chroot_manifest NAME what it is
# made of (its hash names the directory).

CHROOT_PROFILES="build-5.10 build-7 labvm-12 sysroot-6.1-arm64 sysroot-6.1-ppc64le sysroot-6.12-arm64 sysroot-6.12-ppc64le"

# Debian's archive, as the host reaches it.
CHROOT_MIRROR=${OOPSLAB_MIRROR:-http://deb.debian.org/debian}
CHROOT_SECURITY=${OOPSLAB_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
CHROOT_BOOKWORM="deb $CHROOT_MIRROR bookworm main
deb $CHROOT_SECURITY bookworm-security main"

# The kernel releases the build-* profiles install are pinned in
# kernels.sh (DEBIAN_510_ABI, DEBIAN_7_ABI), beside 6.12's: source it first.

chroot_profile() {
	C_APTOPTS='' C_SETUP_HOOKS='' C_HOOKS='' C_ARCH=''
	case $1 in
	sysroot-*-*)
		# Debian 12's kernel of another architecture, for cross-building
		# modules against and booting under QEMU, with the static
		# busybox and liburing of that architecture for the initramfs.
		# Unpacked only: no foreign architecture in the host's dpkg.
		_a=${1##*-} _v=${1#sysroot-}
		_v=${_v%-*}
		_abi=$(kernel_foreign_release "debian-$_v" "$_a") || return 1
		arch_resolve "$_a"
		# Debian 12's 6.1 headers use linux-kbuild-6.1, the 6.12 ones
		# linux-kbuild-6.12.N+deb12
		_kbuild=linux-kbuild-${_abi%-"$A_KFLAVOUR"}
		[ "$_v" = 6.1 ] && _kbuild=linux-kbuild-6.1
		C_DESCRIPTION="Debian 12's $_abi (image, headers, modules), busybox-static and liburing-dev, unpacked"
		C_SUITE=bookworm
		C_VARIANT=extract
		C_ARCH=$A_DEB
		C_SOURCES=$CHROOT_BOOKWORM
		C_PACKAGES="linux-image-$_abi linux-headers-$_abi busybox-static liburing-dev"
		# The headers' scripts/ is the $_kbuild package: the target's
		# binaries of it do not run here, the host's (same upload) do.
		# No postinst ran: modules.dep is made here, with the host's
		# depmod (it reads any architecture's modules).
		C_HOOKS="rm -rf \"\$1/usr/lib/$_kbuild\" && ln -s /usr/lib/$_kbuild \"\$1/usr/lib/$_kbuild\"
depmod -b \"\$1\" $_abi"
		;;
	build-5.10)
		C_DESCRIPTION="Debian 11 (bullseye-security): gcc-10 and the 5.10 cloud kernel's headers and image"
		C_SUITE=bullseye
		C_VARIANT=buildd
		C_SOURCES="deb $CHROOT_MIRROR bullseye main
deb $CHROOT_SECURITY bullseye-security main"
		C_PACKAGES="kmod sparse linux-headers-$DEBIAN_510_ABI linux-image-$DEBIAN_510_ABI"
		;;
	build-7)
		C_DESCRIPTION="Debian 13 (trixie-backports): gcc-14 and the newest 7.x cloud kernel's headers, image and modules"
		C_SUITE=trixie
		C_VARIANT=buildd
		C_SOURCES="deb $CHROOT_MIRROR trixie main
deb $CHROOT_MIRROR trixie-backports main
deb $CHROOT_MIRROR forky main"
		# linux-image-* would pull in an initramfs generator and run
		# it; the VM boots the suite's own initramfs, so take the
		# image and the modules alone.  sparse comes from forky (pinned
		# low, for it alone): trixie's 0.6.4 cannot parse 7.x's headers.
		C_PACKAGES="kmod linux-headers-$DEBIAN_7_ABI linux-binary-$DEBIAN_7_ABI linux-modules-$DEBIAN_7_ABI"
		# forky is a moving suite; a mirror that is a snapshot serves
		# it with an expired Release file.
		C_APTOPTS='Acquire::Check-Valid-Until "false"'
		# The hooks are expanded by mmdebstrap's shell, not here.
		# shellcheck disable=SC2016
		C_SETUP_HOOKS='mkdir -p "$1/etc/apt/preferences.d" && cp "$OOPSLAB_TOP/scripts/chroot/forky-sparse.pref" "$1/etc/apt/preferences.d/forky-sparse.pref"'
		# shellcheck disable=SC2016
		C_HOOKS='"$OOPSLAB_TOP/scripts/chroot/sparse-from.sh" "$1" forky
cp "$OOPSLAB_TOP/scripts/chroot/checker-valid.sh" "$1/usr/lib/linux-kbuild-'"${DEBIAN_7_ABI%-cloud-amd64}"'/scripts/checker-valid.sh"'
		;;
	labvm-12)
		C_DESCRIPTION="Debian 12 lab VM: systemd, the cloud kernel and its headers, build-essential, dkms (scripts/mklabvm.sh)"
		C_SUITE=bookworm
		C_VARIANT=apt
		C_SOURCES=$CHROOT_BOOKWORM
		C_PACKAGES="systemd systemd-sysv udev dbus kmod procps e2fsprogs linux-image-cloud-amd64 linux-headers-cloud-amd64 build-essential dkms"
		# shellcheck disable=SC2016
		C_HOOKS='echo oopslab-lab > "$1/etc/hostname"
echo "LABEL=oopslab-root / ext4 defaults 0 1" > "$1/etc/fstab"
chroot "$1" passwd -d root
cp "$OOPSLAB_TOP/scripts/labvm/oopslab-labvm" "$1/usr/local/sbin/oopslab-labvm"
cp "$OOPSLAB_TOP/scripts/labvm/oopslab-labvm.service" "$1/etc/systemd/system/"
chroot "$1" systemctl enable oopslab-labvm.service
chroot "$1" systemctl mask apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer fstrim.timer'
		;;
	*) return 1 ;;
	esac
}

chroot_manifest() {
	chroot_profile "$1" || return 1
	printf 'profile: %s\nsuite: %s\nvariant: %s\nsources:\n%s\npackages: %s\n' \
		"$1" "$C_SUITE" "$C_VARIANT" "$C_SOURCES" "$C_PACKAGES"
	[ -z "$C_ARCH" ] || printf 'architecture: %s\n' "$C_ARCH"
	printf 'aptopts:\n%s\nsetup hooks:\n%s\ncustomize hooks:\n%s\n' \
		"$C_APTOPTS" "$C_SETUP_HOOKS" "$C_HOOKS"
	# the builder and the files this profile's hooks install are inputs
	# too: a change in how it builds is a new chroot (and only of the
	# profiles that use the file)
	(
		cd "$TOP" || exit 1
		sha256sum scripts/mkchroot.sh
		for _f in scripts/chroot/* scripts/labvm/*; do
			case "$C_SETUP_HOOKS$C_HOOKS" in
			*"$_f"*) sha256sum "$_f" ;;
			esac
		done
	)
}

chroot_dir() {
	_h=$(chroot_manifest "$1" | sha256sum | cut -c1-12)
	echo "$BUILD/chroots/$1-$_h"
}
