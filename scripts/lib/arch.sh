# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# The architectures a run can target, and every fact about them the
# scripts use: here and nowhere else.  arch_resolve ARCH sets:
#   A_NAME        x86_64 | arm64 | ppc64le (what --arch takes)
#   A_UNAME       uname -m in the guest
#   A_DEB         Debian's architecture name
#   A_KARCH       the kernel's ARCH= for kbuild
#   A_CROSS       CROSS_COMPILE= for kbuild, and the prefix of the cross
#                 gcc for the triggers and the parser; empty: native
#   A_TRIPLET     GNU triplet: the multiarch directory of the target's
#                 libraries (liburing.a) in its sysroot
#   A_PKGS        host packages a run on the architecture needs (QEMU, the
#                 cross compiler)
#   A_QEMU        QEMU binary
#   A_MACHINE     QEMU machine and CPU (the accelerator is chosen apart:
#                 KVM only for the host's own architecture)
#   A_CONSOLE     the kernel's console device
#   A_GUEST_TTY   the device /init sends userspace output to (vm_run's
#                 second port; "vport:NAME": the virtio serial port NAME),
#                 and A_GUEST_PORT the QEMU arguments that make it, with
#                 @FILE for the file it goes to
#   A_GUEST_MODS  kernel modules the guest loads before that device exists
#   A_KFLAVOUR    Debian's kernel flavour (linux-image-ABI-FLAVOUR)
#   A_IMAGE       the name of the image in /boot QEMU boots (vmlinuz or
#                 vmlinux), "-VERSION" appended
# What a module must know of an architecture (kill(2)'s entry symbol and
# argument registers, alignments) it decides at compile time, in
# kmod/*/compat.h.  arch_known ARCH: is it one of ARCHES?

ARCHES="x86_64 arm64 ppc64le"

arch_known() {
	case " $ARCHES " in
	*" $1 "*) return 0 ;;
	esac
	return 1
}

arch_resolve() {
	A_NAME=$1
	case $1 in
	x86_64)
		A_UNAME=x86_64 A_DEB=amd64 A_KARCH=x86 A_TRIPLET=x86_64-linux-gnu
		A_QEMU=qemu-system-x86_64 A_PKGS=qemu-system-x86
		A_MACHINE=''
		A_CONSOLE=ttyS0
		A_GUEST_TTY=ttyS1 A_GUEST_PORT='-serial file:@FILE' A_GUEST_MODS=''
		A_KFLAVOUR=cloud-amd64 A_IMAGE=vmlinuz
		;;
	arm64)
		A_UNAME=aarch64 A_DEB=arm64 A_KARCH=arm64 A_TRIPLET=aarch64-linux-gnu
		A_QEMU=qemu-system-aarch64 A_PKGS="qemu-system-arm gcc-aarch64-linux-gnu"
		# cortex-a57: "max" has pointer authentication, which TCG
		# emulates slowly (~11 s to /init instead of ~2.5 s)
		A_MACHINE='-M virt -cpu cortex-a57'
		A_CONSOLE=ttyAMA0
		# virt has one PL011 for the normal world: the guest log is a
		# virtio serial port, found by its name (modules in Debian's
		# arm64 kernel).  Not a virtio console: hvc throws away what is
		# written before the port is up, a port's writes wait for it.
		A_GUEST_TTY=vport:oopslab.guest
		A_GUEST_PORT='-device virtio-serial-device -chardev file,id=guestlog,path=@FILE -device virtserialport,chardev=guestlog,name=oopslab.guest'
		A_GUEST_MODS='virtio_mmio virtio_console'
		A_KFLAVOUR=cloud-arm64 A_IMAGE=vmlinuz
		;;
	ppc64le)
		A_UNAME=ppc64le A_DEB=ppc64el A_KARCH=powerpc A_TRIPLET=powerpc64le-linux-gnu
		A_QEMU=qemu-system-ppc64 A_PKGS="qemu-system-ppc gcc-powerpc64le-linux-gnu"
		# x-vof: QEMU's own small firmware instead of SLOF (~4 s to /init
		# instead of ~11 s); the caps: TCG does not emulate the
		# speculation controls a POWER9 pseries asks for
		A_MACHINE='-M pseries,x-vof=on,cap-cfpc=broken,cap-sbbc=broken,cap-ibs=broken,cap-ccf-assist=off'
		A_CONSOLE=hvc0
		# every -serial of a pseries machine is a VTY of its own: hvc1
		A_GUEST_TTY=hvc1 A_GUEST_PORT='-serial file:@FILE' A_GUEST_MODS=''
		A_KFLAVOUR=powerpc64le A_IMAGE=vmlinux
		;;
	*) return 1 ;;
	esac
	A_CROSS=''
	[ "$A_UNAME" = "$(uname -m)" ] || A_CROSS=$A_TRIPLET-
}

# The architecture of the machine running a guest step (uname -m).
arch_of_uname() {
	for _a in $ARCHES; do
		arch_resolve "$_a"
		[ "$A_UNAME" = "$1" ] && { echo "$_a"; return 0; }
	done
	echo "$1"
}
