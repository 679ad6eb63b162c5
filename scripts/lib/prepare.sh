# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# prepare_kernels LOGDIR TARGET...: everything runners started in parallel
# would otherwise race on, done once before them: packages, the userspace
# build, the lab kernel (built unless cached), the chroots of other Debian
# releases and the sysroots of other architectures (made unless cached),
# the KVM-or-TCG probe.  A TARGET is KERNEL or KERNEL:ARCH.
# Used by scripts/matrix.sh and scripts/soak.sh; dies on failure.

prepare_kernels() {
	_logdir=$1
	shift
	_ks=$(for _t in "$@"; do echo "${_t%:*}"; done | sort -u)
	_as=$(for _t in "$@"; do case $_t in *:*) echo "--arch ${_t##*:}" ;; esac; done | sort -u)
	# shellcheck disable=SC2086 # word lists
	"$TOP/scripts/deps.sh" --for check $_as $_ks || exit 1
	progress "building triggers and parser"
	make -s -C "$TOP/userspace" >"$_logdir/userspace.log" 2>&1 || {
		tail -n 20 "$_logdir/userspace.log" >&2
		die 1 "userspace build failed (log: $_logdir/userspace.log)"
	}
	for _t in "$@"; do
		_k=${_t%:*} _a=x86_64
		case $_t in *:*) _a=${_t##*:} ;; esac
		if [ "$_a" != x86_64 ]; then
			# its sysroot: unpacked once here
			(kernel_resolve "$_k" "$_a" >/dev/null) ||
				die 1 "$_k on $_a: its sysroot could not be made"
			continue
		fi
		case $_k in
		lab)
			progress "lab kernel: building it unless cached (scripts/build_lab_kernel.sh)"
			"$TOP/scripts/build_lab_kernel.sh" --print-dir >/dev/null ||
				die 1 "lab kernel build failed"
			;;
		debian-5.10 | debian-7)
			# its chroot: made once here, not by two runners at once
			(kernel_resolve "$_k" >/dev/null) ||
				die 1 "$_k: the chroot of its release could not be made"
			;;
		esac
	done
	(
		# The KVM-or-TCG answer is cached per host: probe it once, here.
		. "$TOP/scripts/lib/vm.sh"
		for _t in "$@"; do
			case $_t in *:*) [ "${_t##*:}" = x86_64 ] || continue ;; esac
			kernel_resolve "${_t%:*}" 2>/dev/null && ! kernel_missing >/dev/null && break
		done
		[ -r "${K_IMAGE:-}" ] && progress "VMs use $(vm_accel)"
	)
}

# A pool of background jobs: start each with "... & POOL_PIDS="$POOL_PIDS $!"",
# after pool_throttle N, which returns once fewer than N of them run.
POOL_PIDS=''
pool_throttle() {
	while :; do
		_c=0
		for _p in $POOL_PIDS; do
			kill -0 "$_p" 2>/dev/null && _c=$((_c + 1))
		done
		[ "$_c" -lt "$1" ] && return 0
		sleep 1
	done
}

# pool_wait: wait for the pool's jobs, and only those (a plain "wait" would
# also wait for any other background process, such as soak's busy loops).
pool_wait() {
	for _p in $POOL_PIDS; do
		wait "$_p"
	done
	POOL_PIDS=''
}
