# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh disable=SC2154 # R_* are set by table_load (eval)
#
# The in-guest steps of one run: load, trigger, watch, unload.  Used as the
# /init of the oopslab initramfs and, with --in-guest, in a user's own lab
# VM.  Everything the verdict needs is printed as "oopslab: ..." marker
# lines on stdout (see Documentation/writing-a-reproducer.rst): in the
# suite's VMs that is the second serial port, the guest log, apart from
# the kernel's console.

# The field's panic settings (dirpro's lab: kernel.panic=10,
# softlockup_panic=1, hung_task_panic=1; plus panic_on_oops).  6.x turned
# some BUG_ON()s the field hit into WARN_ON()s (ipc/shm.c's shm_close), so
# panic_on_warn too: the run then ends the way the field's machine did.
PANIC_SYSCTLS="kernel.panic=10 kernel.panic_on_oops=1 kernel.panic_on_warn=1 kernel.softlockup_panic=1 kernel.hung_task_panic=1"

mark() {
	printf 'oopslab: %s\n' "$*"
}

# A marker the kernel timestamps: written to /dev/kmsg, it reaches the
# console as "[ts] oopslab: ...", on the same clock as the reports that
# follow (scripts/bench.sh measures trigger start to report with it).
kmark() {
	printf '<5>oopslab: %s\n' "$*" > /dev/kmsg 2>/dev/null || :
}

guest_mounts() {
	mountpoint -q /proc 2>/dev/null || mount -t proc proc /proc
	mountpoint -q /sys 2>/dev/null || mount -t sysfs sysfs /sys
	mountpoint -q /dev 2>/dev/null || mount -t devtmpfs devtmpfs /dev
	mountpoint -q /sys/kernel/debug 2>/dev/null ||
		mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
	mountpoint -q /tmp 2>/dev/null || mount -t tmpfs tmpfs /tmp
}

# The kernel's config, where the running kernel exposes it.
guest_config() {
	for f in /proc/config.gz "/boot/config-$(uname -r)" \
		 "/lib/modules/$(uname -r)/build/.config"; do
		[ -r "$f" ] || continue
		case $f in
		*.gz) zcat "$f" ;;
		*) cat "$f" ;;
		esac
		return 0
	done
	return 1
}

# Check CONFIG_* requirements against CONFIG (a file); prints the first
# missing one.  Module names are checked when they are loaded.
missing_config() {
	for r in $R_requires; do
		case $r in
		CONFIG_*) grep -Eq "^$r=(y|m)" "$1" || { echo "$r"; return 0; } ;;
		esac
	done
	return 1
}

guest_sysctl() {
	for kv in "$@"; do
		k=${kv%%=*}
		if ! sysctl -w "$kv" >/dev/null 2>&1; then
			mark "sysctl $kv: failed"
			return 1
		fi
		mark "sysctl $k=$(sysctl -n "$k")"
	done
}

# Is kernel module NAME built into the running kernel?  A built-in module
# without parameters has no /sys/module/NAME; modules.builtin lists them
# all (the lab kernel builds in what Debian ships as modules).
guest_builtin() {
	_b=/lib/modules/$(uname -r)/modules.builtin
	[ -r "$_b" ] || return 1
	tr - _ < "$_b" | grep -q "/$(echo "$1" | tr - _)\.ko\$"
}

guest_requires() {
	for r in $R_requires; do
		case $r in
		CONFIG_*) continue ;;
		esac
		[ -d "/sys/module/$(echo "$r" | tr - _)" ] && continue
		if guest_builtin "$r"; then
			mark "modprobe $r: built in"
			continue
		fi
		if ! modprobe "$r" 2>/tmp/modprobe.err; then
			mark "SKIP kernel module $r not available: $(head -n 1 /tmp/modprobe.err)"
			return 1
		fi
		mark "modprobe $r: ok"
	done
}

# Why did insmod fail?  Name the usual policy refusals plainly.
insmod_why() {
	if dmesg 2>/dev/null | tail -n 5 | grep -q 'Lockdown:'; then
		echo "kernel lockdown forbids unsigned modules"
	elif grep -q 'Key was rejected\|Required key not available' "$1"; then
		echo "module signature enforced (module.sig_enforce)"
	else
		head -n 1 "$1"
	fi
}

# The module parameters with every "PARAM=@SYM" replaced by the address of
# kernel symbol SYM: from /proc/kallsyms, else from TOP/symbols (the
# image's own, vm_symbols).  Fails naming the first it cannot find.
guest_resolve_params() {
	_out=''
	for _p in $2; do
		case $_p in
		*=@*)
			_s=${_p#*=@}
			_a=$(awk -v s="$_s" '$3 == s && $1 !~ /^0+$/ { print "0x" $1; exit }' /proc/kallsyms 2>/dev/null)
			[ -n "$_a" ] || _a=$(awk -v s="$_s" '$1 == s { print $2; exit }' "$1/symbols" 2>/dev/null)
			[ -n "$_a" ] || { echo "$_s"; return 1; }
			_p=${_p%%=*}=$_a ;;
		esac
		_out="$_out${_out:+ }$_p"
	done
	echo "$_out"
}

# guest_run TOP: the steps; returns when the run is over.
guest_run() {
	_top=$1
	# shellcheck disable=SC2086 # "DIR PARAM=VALUE ...": a word list
	set -- $R_module
	_mod=$1
	shift
	_params=$*
	_ko=$_top/kmod/$_mod/$_mod.ko

	mark "run $R_name mode=$R_mode kernel=$(uname -r) panic=${RUN_PANIC:-0}"
	# and in the kernel log, so that the console alone shows where the
	# run began (vm_run measures the boot with it)
	kmark "run $R_name mode=$R_mode"

	if cfg=$(guest_config); then
		printf '%s\n' "$cfg" > /tmp/oopslab.config
		if m=$(missing_config /tmp/oopslab.config); then
			mark "SKIP kernel lacks $m"
			return 0
		fi
	fi
	[ -r "$_ko" ] || { mark "SKIP $_ko not built for $(uname -r)"; return 0; }
	# The suite's VMs boot with the row's command line; a user's lab VM
	# must have been booted with it.
	for _w in $R_cmdline; do
		grep -qw -- "$_w" /proc/cmdline ||
			{ mark "SKIP the kernel was booted without $_w (add it to the kernel command line and reboot)"; return 0; }
	done

	if ! _params=$(guest_resolve_params "$_top" "$_params"); then
		mark "SKIP no address for kernel symbol $_params: not in /proc/kallsyms (CONFIG_KALLSYMS_ALL=n) and the image has no symbol table"
		return 0
	fi

	# modules first: a sysctl may be one of theirs
	guest_requires || return 0
	# shellcheck disable=SC2086 # word lists by design
	guest_sysctl $R_sysctl || return 0
	if [ "${RUN_PANIC:-0}" = 1 ]; then
		# shellcheck disable=SC2086
		guest_sysctl $PANIC_SYSCTLS || return 0
	fi

	mark "insmod $_mod $_params"
	kmark "insmod start"
	# shellcheck disable=SC2086
	if insmod "$_ko" $_params 2>/tmp/insmod.err; then
		mark "insmod $_mod: ok"
		_loaded=1
	else
		mark "insmod $_mod: failed: $(insmod_why /tmp/insmod.err)"
		_loaded=0
	fi

	if [ "$_loaded" = 1 ] && [ -n "$R_trigger" ] && [ "$R_trigger" != - ]; then
		# shellcheck disable=SC2086 # "PROGRAM ARGS ...": a word list
		set -- $R_trigger
		_prog=$_top/userspace/bin/$1
		shift
		mark "trigger $R_trigger"
		kmark "trigger start"
		(cd /tmp && timeout "${RUN_TRIGGER_TIMEOUT:-30}" "$_prog" "$@")
		_rc=$?
		[ "$_rc" = 143 ] && mark "trigger timed out after ${RUN_TRIGGER_TIMEOUT:-30} s"
		mark "trigger exit $_rc"
		[ "$_rc" = 4 ] && mark "SKIP trigger: feature missing (see above)"
	fi

	# Give the detectors (watchdog, WARN at exit) a moment.
	sleep 1
	if [ "$_loaded" = 1 ]; then
		if rmmod "$_mod" 2>/tmp/rmmod.err; then
			mark "rmmod $_mod: ok"
		else
			mark "rmmod $_mod: failed: $(head -n 1 /tmp/rmmod.err)"
		fi
	fi
	mark "done"
}
