# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh disable=SC2154 # R_* are set by table_load (eval)
#
# Host side of a run: build what the guest needs and boot one fresh QEMU
# VM per run, with the serial console in a file that survives a panic, a
# hang (the timeout kills QEMU) or a clean power-off.  The architecture's
# facts (QEMU, machine, console, ports) are A_*, from scripts/lib/arch.sh
# through kernel_resolve.

# KVM when it actually starts, else TCG.  Nested KVM on some hosts aborts
# at vCPU setup ("failed to set MSR 0x10a") or hangs, so /dev/kvm existing
# proves nothing: boot the kernel without a root fs and see it print.
# The answer is cached per host kernel in the build directory.
vm_accel() {
	# another architecture is emulated
	[ -z "${A_CROSS:-}" ] || { echo tcg; return; }
	_cache=$BUILD/accel.$(uname -r)
	if [ -r "$_cache" ]; then
		cat "$_cache"
		return
	fi
	_a=tcg
	if [ -w /dev/kvm ]; then
		_log=$BUILD/kvm-probe.log
		rm -f "$_log"
		timeout -k 2 20 "$A_QEMU" -accel kvm -cpu host -m 256 -nodefaults \
			-no-user-config -display none -no-reboot \
			-serial "file:$_log" -kernel "$K_IMAGE" \
			-append "console=ttyS0 panic=-1" >/dev/null 2>&1
		grep -q 'Linux version' "$_log" 2>/dev/null && _a=kvm
	fi
	echo "$_a" > "$_cache"
	echo "$_a"
}

# The guest pages with 4 levels, as most x86-64 machines in the field
# still do.  TCG's "max" CPU (and a host CPU from Ice Lake on) offers LA57,
# and under 5-level paging whether a garbage pointer is canonical depends
# on where KASLR put the direct map and vmemmap: afalg-shash's bad free
# then faults as a #GP on one boot and a #PF on the next.  With 4 levels
# it is a #GP on every boot (Documentation/afalg-shash.rst).  The other
# architectures' machine and CPU are A_MACHINE.
vm_qemu_accel_args() {
	case $1:$A_NAME in
	kvm:x86_64) echo "-accel kvm -cpu host,la57=off" ;;
	*:x86_64) echo "-accel tcg -cpu max,la57=off" ;;
	*) echo "-accel tcg $A_MACHINE" ;;
	esac
}

# Where the class modules for K_* are built: a copy of the sources per
# kernel release, so that kernels do not overwrite each other's objects;
# inside K_CHROOT for a kernel of another Debian release.
vm_kmod_dir() {
	if [ -n "${K_CHROOT:-}" ]; then
		echo "$K_CHROOT/oopslab-kmod"
	else
		echo "$BUILD/kmod/$K_VER"
	fi
}

# Build the class modules for K_* in vm_kmod_dir: on the host (with
# Debian's cross compiler for another architecture), or in the chroot with
# that release's own make and compiler, as its users build them.  KBUILD_EXTRA_WARN and KBUILD_CHECKSRC (W=, C=) are passed on.
vm_build_modules() {
	_dst=$(vm_kmod_dir)
	mkdir -p "$_dst"
	cp -pR "$TOP/Kbuild" "$TOP/kmod" "$_dst/"
	if [ -n "${K_CHROOT:-}" ]; then
		[ "$(id -u)" = 0 ] || {
			echo "building modules for $K_NAME runs make in the chroot $K_CHROOT: that needs root" >&2
			return 1
		}
		# objtool reads /proc: the chroot gets one of its own, in a
		# mount namespace that goes away with the build.
		unshare --fork --pid --mount-proc="$K_CHROOT/proc" \
			chroot "$K_CHROOT" /usr/bin/env -i PATH=/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
			HOME=/root LC_ALL=C.UTF-8 \
			${KBUILD_EXTRA_WARN:+KBUILD_EXTRA_WARN=$KBUILD_EXTRA_WARN} \
			${KBUILD_CHECKSRC:+KBUILD_CHECKSRC=$KBUILD_CHECKSRC} \
			make -s -C "$K_BUILD" M=/oopslab-kmod modules >"$_dst/build.log" 2>&1
	else
		make -s -C "$K_BUILD" M="$_dst" \
			${A_CROSS:+ARCH=$A_KARCH CROSS_COMPILE=$A_CROSS} \
			modules >"$_dst/build.log" 2>&1
	fi || {
		tail -n 20 "$_dst/build.log" >&2
		return 1
	}
	# Anything the compiler said, other than the harmless BTF note, is a
	# defect of ours.
	grep -v 'Skipping BTF generation' "$_dst/build.log" >&2 || :
}

# Kernel modules of the target kernel named in "requires" anywhere in the
# table, and those the guest log's port needs, with their dependencies, as
# paths relative to K_MODDIR.
vm_required_modules() {
	_names=$({
		awk '/^requires(@[^:]*)?:/ { sub(/^[^:]*:/, ""); print }' "$TABLE"
		echo "$A_GUEST_MODS"
	} | tr ' ' '\n' | grep -v -e '^CONFIG_' -e '^$' | sort -u)
	for _n in $_names; do
		modprobe -S "$K_VER" -d "${K_MODDIR%/lib/modules/*}" \
			--show-depends "$_n" 2>/dev/null |
			sed -n "s|^insmod $K_MODDIR/||p" | awk '{ print $1 }'
	done | sort -u
}

# vm_prepare: build the triggers, the parser, the class modules for K_*
# and this invocation's initramfs (VM_INITRD).  Several invocations run at
# once (the matrix runs two VMs at a time; people use two terminals): the
# builds and the copy of their output are serialised with a lock, and each
# invocation stages and writes an initramfs of its own.  Returns 1 with a
# one-line reason in VM_ERROR.  vm_prepare --no-initramfs: the builds only
# (the full lab VM gets its files on a disk, scripts/lib/labvm.sh).
vm_prepare() {
	VM_INITRD=''
	if [ "${1:-}" != --no-initramfs ]; then
		VM_INITRD=$(mktemp "$BUILD/initramfs-$K_VER.XXXXXX") || return 1
	fi
	(
		flock 9 || exit 1
		if ! vm_build_userspace >"$BUILD/userspace.log" 2>&1; then
			tail -n 20 "$BUILD/userspace.log" >&2
			exit 10
		fi
		vm_build_modules || exit 11
		[ -z "$VM_INITRD" ] || vm_initramfs "$VM_INITRD" || exit 12
	) 9>"$BUILD/.lock"
	case $? in
	0) return 0 ;;
	10) VM_ERROR="userspace build failed (log: $BUILD/userspace.log)" ;;
	11) VM_ERROR="module build failed for $K_VER (log: $(vm_kmod_dir)/build.log)" ;;
	12) VM_ERROR="initramfs build failed for $K_VER" ;;
	*) VM_ERROR="cannot lock $BUILD/.lock" ;;
	esac
	return 1
}

# Where the triggers and the parser for the guest are: userspace/bin, or,
# for another architecture, a cross build of them in build/.
vm_userspace_bin() {
	if [ -n "${A_CROSS:-}" ]; then
		echo "$BUILD/userspace/$A_NAME/bin"
	else
		echo "$TOP/userspace/bin"
	fi
}

# Build them.  Cross: a copy of the sources (only those: a copied object
# of the host's would look up to date), Debian's cross gcc and its libc,
# liburing.a and its headers from the target's own liburing-dev in the
# sysroot.
vm_build_userspace() {
	# the host's own, for the verdicts
	make -s -C "$TOP/userspace" || return 1
	[ -n "${A_CROSS:-}" ] || return 0
	_d=$BUILD/userspace/$A_NAME
	mkdir -p "$_d" || return 1
	(cd "$TOP/userspace" && find . -path ./bin -prune -o \
		\( -name '*.[ch]' -o -name Makefile \) -print |
		cpio -pdmu --quiet "$_d") || return 1
	command -v "${A_CROSS}gcc" >/dev/null || {
		echo "no ${A_CROSS}gcc: scripts/deps.sh --arch $A_NAME installs it"
		return 1
	}
	make -s -C "$_d" CC="${A_CROSS}gcc" AR="${A_CROSS}ar" \
		CPPFLAGS="-idirafter $K_SYSROOT/usr/include" \
		LDLIBS="$K_SYSROOT/usr/lib/$A_TRIPLET/liburing.a -lpthread"
}

# The kernel symbols the table's module parameters name ("PARAM=@SYM": an
# address, as some modules take them from System.map), "SYM ADDR" each,
# from the image when it has a symbol table (ppc64le's vmlinux; an x86 or
# arm64 vmlinuz has none).  The guest looks in /proc/kallsyms first: this
# is for kernels whose kallsyms has no data symbols (no KALLSYMS_ALL) and
# no KASLR, where the image's addresses are the running kernel's.
vm_symbols() {
	_syms=$(grep -o '=@[A-Za-z0-9_]*' "$TABLE" | cut -c3- | sort -u)
	[ -n "$_syms" ] || return 0
	"${A_CROSS}nm" "$K_IMAGE" 2>/dev/null | awk -v want="$_syms" '
		BEGIN { n = split(want, w, "\n"); for (i = 1; i <= n; i++) ok[w[i]] = 1 }
		$3 in ok { print $3, "0x" $1 }'
	return 0
}

# vm_initramfs OUT: busybox, the project files the guest needs, the class
# modules built for K_VER and the required kernel modules.
vm_initramfs() {
	_root=$(mktemp -d "$BUILD/initramfs.XXXXXX") || return 1
	mkdir -p "$_root/bin" "$_root/oopslab/scripts/lib" \
		"$_root/oopslab/selftests" "$_root/oopslab/userspace/bin" \
		"$_root/oopslab/kmod" "$_root/proc" "$_root/sys" "$_root/dev" \
		"$_root/tmp" "$_root/lib/modules/$K_VER"

	# the target's busybox-static; the applets are those of the host's,
	# the same Debian version (the target's cannot run here)
	_bb=$(command -v busybox) || return 1
	_tbb=$_bb
	[ -z "${K_SYSROOT:-}" ] || _tbb=$K_SYSROOT/bin/busybox
	cp "$_tbb" "$_root/bin/busybox" || return 1
	for _a in $("$_bb" --list); do
		[ "$_a" = busybox ] || ln -sf busybox "$_root/bin/$_a"
	done
	# the kernel's request_module() runs /sbin/modprobe (ppc64le's ext4
	# asks for crc32c at mount time)
	ln -s bin "$_root/sbin"

	cp "$TOP/scripts/run_reproducer.sh" "$_root/oopslab/scripts/"
	cp "$TOP"/scripts/lib/*.sh "$_root/oopslab/scripts/lib/"
	cp "$TABLE" "$_root/oopslab/selftests/reproducers.txt"
	cp "$(vm_userspace_bin)"/* "$_root/oopslab/userspace/bin/"
	if [ -n "${OOPSLAB_TRIGGERS:-}" ]; then
		cp "$OOPSLAB_TRIGGERS"/* "$_root/oopslab/userspace/bin/" || return 1
	fi
	for _ko in "$(vm_kmod_dir)"/kmod/*/*.ko; do
		[ -e "$_ko" ] || continue
		_d=$(basename "$(dirname "$_ko")")
		mkdir -p "$_root/oopslab/kmod/$_d"
		cp "$_ko" "$_root/oopslab/kmod/$_d/"
	done

	vm_symbols > "$_root/oopslab/symbols" || return 1

	if [ -d "$K_MODDIR" ]; then
		for _m in $(vm_required_modules); do
			mkdir -p "$_root/lib/modules/$K_VER/$(dirname "$_m")"
			case $_m in
			*.xz) xz -dc "$K_MODDIR/$_m" > "$_root/lib/modules/$K_VER/${_m%.xz}" ;;
			*.zst) zstd -qdc "$K_MODDIR/$_m" > "$_root/lib/modules/$K_VER/${_m%.zst}" ;;
			*) cp "$K_MODDIR/$_m" "$_root/lib/modules/$K_VER/$_m" ;;
			esac
		done
		cp "$K_MODDIR"/modules.order "$K_MODDIR"/modules.builtin \
			"$_root/lib/modules/$K_VER/" 2>/dev/null
		depmod -b "$_root" "$K_VER" 2>/dev/null
	fi

	cat > "$_root/init" <<-'EOF'
	#!/bin/sh
	export PATH=/bin
	exec /oopslab/scripts/run_reproducer.sh --in-guest --from-cmdline
	EOF
	chmod +x "$_root/init"

	(cd "$_root" && find . | cpio -o -H newc --quiet | gzip -1) > "$1"
	_rc=$?
	rm -rf "$_root"
	return $_rc
}

# vm_boot_crashed CONSOLE: did the kernel report a crash before it ran
# /init (no "oopslab: run" in the kernel log)?  Prints the report's title.
# Under TCG, 7.x kernels oops in about one boot in 30 while patching text
# at boot (Documentation/kernels.rst): not anything a row did.
vm_boot_crashed() {
	grep -q 'oopslab: run ' "$1" && return 1
	_t=$("$TOP/userspace/bin/oopsparse" --title "$1" 2>/dev/null | head -n 1)
	[ -n "$_t" ] || return 1
	echo "$_t"
}

# vm_run INITRD OUT PANIC TIMEOUT: boot, wait, keep the console.  Sets
# RUN_WALL_MS, RUN_BOOT_MS, RUN_TIMEDOUT.
#
# Two ports: the kernel's console (ttyS0; A_CONSOLE) to OUT/console.log,
# and a second one (ttyS1; A_GUEST_TTY), where the guest's /init sends
# everything userspace prints (the runner's markers, the trigger's
# output), to OUT/guest.log.  On one port the two interleave, even inside
# a report's call trace, and the console would no longer be what the
# kernel printed.
vm_run() {
	_initrd=$1 _out=$2 _panic=$3 _timeout=$4
	_con=$_out/console.log
	_glog=$_out/guest.log
	rm -f "$_con" "$_glog"
	: > "$_con"
	: > "$_glog"

	_ttimeout=$((_timeout > 20 ? _timeout - 10 : 10))
	_append="console=$A_CONSOLE loglevel=7 panic=-1 $R_cmdline"
	_append="$_append oopslab.run=$R_name oopslab.mode=$R_mode"
	_append="$_append oopslab.kernel=$K_NAME oopslab.panic=$_panic"
	_append="$_append oopslab.trigger_timeout=$_ttimeout oopslab.output=$A_GUEST_TTY"
	[ -z "$A_GUEST_MODS" ] ||
		_append="$_append oopslab.output_modules=$(echo "$A_GUEST_MODS" | tr ' ' ,)"

	_t0=$(now_ms)
	# shellcheck disable=SC2046 # accel and port args are words
	timeout -k 5 "$_timeout" "$A_QEMU" $(vm_qemu_accel_args "$RUN_ACCEL") \
		-m 1024 -smp 2 -nodefaults -no-user-config -display none \
		-no-reboot -serial "file:$_con" \
		$(echo "$A_GUEST_PORT" | sed "s|@FILE|$_glog|") \
		-kernel "$K_IMAGE" -initrd "$_initrd" -append "$_append" \
		>"$_out/qemu.log" 2>&1 &
	_qpid=$!

	RUN_BOOT_MS=0
	_seen_report=0
	while kill -0 "$_qpid" 2>/dev/null; do
		sleep 0.2
		if [ "$RUN_BOOT_MS" = 0 ] && grep -q 'oopslab: run ' "$_con"; then
			RUN_BOOT_MS=$(($(now_ms) - _t0))
			progress "  booted to /init in $(fmt_secs "$RUN_BOOT_MS") s"
		fi
		if [ "$_seen_report" = 0 ]; then
			_l=$(grep -m 1 -E '(BUG|WARNING|Oops|general protection fault|Kernel panic)' "$_con" | tr -d '\r')
			if [ -n "$_l" ]; then
				_seen_report=1
				progress "  console: $(printf '%s' "$_l" | sed 's/^\[[ 0-9.]*\] //')"
			fi
		fi
	done
	wait "$_qpid"
	_rc=$?
	RUN_WALL_MS=$(($(now_ms) - _t0))
	RUN_TIMEDOUT=0
	if [ "$_rc" = 124 ] || [ "$_rc" = 137 ]; then
		RUN_TIMEDOUT=1
		progress "  VM did not finish in $_timeout s: killed; console kept in $_con"
	elif [ "$_rc" != 0 ]; then
		progress "  QEMU exited $_rc: $(head -n 1 "$_out/qemu.log")"
	fi
}
