# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh disable=SC2154 # R_* are set by table_load (eval)
#
# A user's own lab VM: a full distribution with kernel.panic settings,
# where a crashing row reboots the machine.  The run is recorded on disk
# before the crash and its verdict is collected from what survived it, the
# way the kernel's pstore selftests do (tools/testing/selftests/pstore:
# write a flag, sync, crash, check after the reboot).
#
#   labvm_setup [--declare-only]   run_reproducer.sh --setup-lab-vm
#   labvm_record OUT               before a buggy module is loaded
#   labvm_collect OUTDIR           run_reproducer.sh --collect
#
# Crash logs are read from, in this order: pstore as systemd-pstore keeps
# it (/var/lib/systemd/pstore), pstore itself (/sys/fs/pstore), kdump's
# dmesg (/var/crash), the previous boot's journal.
# Documentation/crash-capture.rst.

LABVM_ETC=${OOPSLAB_LABVM_ETC:-/etc/oopslab}
LABVM_STATE=${OOPSLAB_LABVM_STATE:-/var/lib/oopslab}
LABVM_MARKER=$LABVM_ETC/lab-vm

labvm_is_declared() {
	[ -r "$LABVM_MARKER" ]
}

labvm_boot_id() {
	cat /proc/sys/kernel/random/boot_id
}

# The pstore backend the kernel registered, if any.
labvm_pstore_backend() {
	_b=$(cat /sys/module/pstore/parameters/backend 2>/dev/null)
	case $_b in
	'' | '(null)') ;;
	*) echo "$_b"; return 0 ;;
	esac
	dmesg 2>/dev/null |
		sed -n 's/.*pstore: Registered \([^ ]*\) as persistent store backend.*/\1/p' |
		tail -n 1 | grep .
}

# Is a ramoops region reserved on the command line?
labvm_ramoops_cmdline() {
	grep -q 'ramoops.mem_address=' /proc/cmdline && grep -q 'memmap=' /proc/cmdline
}

labvm_kdump_loaded() {
	[ "$(cat /sys/kernel/kexec_crash_loaded 2>/dev/null)" = 1 ]
}

labvm_journal_persistent() {
	[ -d /var/log/journal ]
}

# --setup-lab-vm: declare this machine a lab VM, find its crash capture,
# enable what can be enabled now, say what else would need a reboot.
labvm_setup() {
	[ "$(id -u)" = 0 ] || die "$KSFT_FAIL" "--setup-lab-vm changes /etc: run as root"
	mkdir -p "$LABVM_ETC" "$LABVM_STATE/runs" || die "$KSFT_FAIL" "cannot create $LABVM_ETC"
	printf 'declared %s by run_reproducer.sh --setup-lab-vm on %s (%s)\n' \
		"$(date -u '+%Y-%m-%d %H:%M:%S UTC')" "$(uname -n)" "$(uname -r)" > "$LABVM_MARKER"
	echo "lab VM: declared ($LABVM_MARKER): buggy modes may run here with --in-guest"
	[ "${1:-}" = --declare-only ] && return 0

	mountpoint -q /sys/fs/pstore 2>/dev/null ||
		mount -t pstore pstore /sys/fs/pstore 2>/dev/null
	_have=''
	_need=''
	if labvm_ramoops_cmdline && ! labvm_pstore_backend >/dev/null; then
		# the region is reserved: the backend is a module away
		if modprobe ramoops 2>/dev/null; then
			echo ramoops > /etc/modules-load.d/oopslab-ramoops.conf
			echo "ramoops: loaded; /etc/modules-load.d/oopslab-ramoops.conf loads it at boot"
		fi
	fi
	if _b=$(labvm_pstore_backend); then
		_have="$_have pstore($_b)"
		echo "pstore: backend $_b registered: an oops or panic log survives the reboot"
	elif [ -e /sys/firmware/acpi/tables/ERST ]; then
		_need="$_need ERST(the ACPI table is there but no pstore backend registered)"
		echo "pstore: the firmware has ERST but no backend registered (erst_disable? pstore built without it?)"
	else
		_need="$_need pstore"
		echo "pstore: no backend: reserve RAM for ramoops (kernel command line: memmap=4M\$0x70000000 ramoops.mem_address=0x70000000 ramoops.mem_size=0x400000 ramoops.record_size=0x100000; reboot), or give the VM an ERST device (QEMU: -device acpi-erst)"
	fi
	if [ -d /etc/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
		# systemd-pstore must run after ramoops is loaded, or it finds
		# nothing and the records stay in /sys/fs/pstore until the next
		# boot overwrites them.
		mkdir -p /etc/systemd/system/systemd-pstore.service.d
		cat > /etc/systemd/system/systemd-pstore.service.d/oopslab.conf <<-EOF
		# run_reproducer.sh --setup-lab-vm: after ramoops, wherever it is a module
		[Unit]
		Wants=modprobe@ramoops.service
		After=modprobe@ramoops.service
		EOF
		cat > /etc/systemd/system/oopslab-collect.service <<-EOF
		# run_reproducer.sh --setup-lab-vm: after a crash reboot, judge
		# the run that crashed from what survived it
		[Unit]
		Description=oopslab: collect the verdict of a run that crashed the machine
		After=systemd-pstore.service local-fs.target
		Wants=systemd-pstore.service
		ConditionDirectoryNotEmpty=$LABVM_STATE/runs

		[Service]
		Type=oneshot
		ExecStart=$TOP/scripts/run_reproducer.sh --collect

		[Install]
		WantedBy=multi-user.target
		EOF
		systemctl daemon-reload 2>/dev/null
		systemctl enable systemd-pstore.service oopslab-collect.service >/dev/null 2>&1
		echo "systemd: systemd-pstore ordered after ramoops; oopslab-collect.service enabled (collects after a crash reboot)"
	else
		echo "systemd: none: run $TOP/scripts/run_reproducer.sh --collect after the reboot"
	fi
	if labvm_kdump_loaded; then
		_have="$_have kdump"
		echo "kdump: a crash kernel is loaded: its dmesg goes to /var/crash"
	else
		_need="$_need kdump"
		echo "kdump: no crash kernel loaded (apt-get install kdump-tools, crashkernel=256M on the command line, reboot)"
	fi
	if labvm_journal_persistent; then
		_have="$_have journal"
		echo "journal: persistent; it rarely keeps a panic's last lines (the crash comes before the write-out)"
	else
		echo "journal: not persistent (mkdir /var/log/journal)"
	fi
	echo "crash capture:${_have:- none}; would add:${_need:- nothing}"
	[ -n "$_have" ] || echo "WARNING: nothing here survives a panic: a crashed run will be collected as a failure"
	return 0
}

# Record the run about to happen, on disk and synced, before the module
# that may crash the machine is loaded.  OUT is its output directory.
labvm_record() {
	LABVM_RUN=$LABVM_STATE/runs/$(date -u +%Y%m%dT%H%M%S)-$R_name.$R_mode
	mkdir -p "$LABVM_RUN" || return 1
	{
		echo "name=$R_name"
		echo "mode=$R_mode"
		echo "kernel=$(uname -r)"
		echo "boot_id=$(labvm_boot_id)"
		echo "time=$(date +%s)"
		echo "panic=$RUN_PANIC"
		echo "table=$TABLE"
		echo "out=$1"
	} > "$LABVM_RUN/run.env"
	sync
}

# The machine survived: the run is judged now, not after a reboot.
labvm_settle() {
	[ -n "${LABVM_RUN:-}" ] || return 0
	cp "$(dirname "$RUN_CONSOLE")/verdict.json" "$LABVM_RUN/" 2>/dev/null
	echo "survived $(date +%s)" > "$LABVM_RUN/done"
	sync
}

# The newest dmesg record set in DIR (pstore files: dmesg-BACKEND-ID, or
# systemd-pstore's per-record directories), newer than T, joined oldest
# part first.  A record is split into parts "Panic#1 Part1" (the end of
# the log), "Part2" (what came before), ...
labvm_pstore_log() {
	_dir=$1 _t=$2
	[ -d "$_dir" ] || return 1
	# systemd-pstore joins a record's parts into dmesg.txt beside them
	_txt=$(find "$_dir" -type f -name dmesg.txt -newermt "@$_t" \
		-exec ls -t {} + 2>/dev/null | head -n 1)
	if [ -n "$_txt" ]; then
		cat "$_txt"
		return 0
	fi
	_files=$(find "$_dir" -type f -name 'dmesg*' -newermt "@$_t" 2>/dev/null)
	[ -n "$_files" ] || return 1
	# shellcheck disable=SC2086 # a list of paths without spaces
	for _f in $_files; do
		_p=$(sed -n '1s/^[A-Za-z]*#[0-9]* Part\([0-9]*\)$/\1/p' "$_f")
		printf '%s\t%s\n' "${_p:-0}" "$_f"
	done | sort -rn | while IFS="$(printf '\t')" read -r _p _f; do
		if [ "$_p" != 0 ]; then
			sed 1d "$_f"
		else
			cat "$_f"
		fi
	done
}

# Find the crash log of run directory RUN into FILE; prints its source.
labvm_find_log() {
	_run=$1 _out=$2
	_t=$(sed -n 's/^time=//p' "$_run/run.env")
	for _src in /var/lib/systemd/pstore /sys/fs/pstore; do
		if labvm_pstore_log "$_src" "$_t" > "$_out" && [ -s "$_out" ]; then
			_be=$(find "$_src" -type f -name 'dmesg*' -newermt "@$_t" |
				sed -n 's|.*/dmesg-\([a-z]*\)-.*|\1|p' | head -n 1)
			echo "pstore${_be:+ ($_be)}: $_src"
			return 0
		fi
	done
	_f=$(find /var/crash -name 'dmesg.*' -newermt "@$_t" 2>/dev/null | sort | tail -n 1)
	if [ -n "$_f" ]; then
		cp "$_f" "$_out"
		echo "kdump: $_f"
		return 0
	fi
	_b=$(sed -n 's/^boot_id=//p' "$_run/run.env" | tr -d '-')
	if command -v journalctl >/dev/null 2>&1 &&
	   journalctl -k -b "$_b" -o short-monotonic --no-pager > "$_out" 2>/dev/null &&
	   [ -s "$_out" ]; then
		echo "journal: journalctl -k -b $_b"
		return 0
	fi
	return 1
}

# --collect: judge every recorded run whose boot ended before it did.
labvm_collect() {
	_outdir=$1
	_runs=''
	for _run in "$LABVM_STATE"/runs/*; do
		[ -r "$_run/run.env" ] || continue
		[ -e "$_run/done" ] && continue
		[ "$(sed -n 's/^boot_id=//p' "$_run/run.env")" = "$(labvm_boot_id)" ] && continue
		_runs="$_runs $_run"
	done
	if [ -z "$_runs" ]; then
		echo "TAP version 13"
		echo "1..0 # SKIP no recorded run ended in a reboot"
		exit "$KSFT_SKIP"
	fi
	OOPSPARSE=$TOP/userspace/bin/oopsparse
	RUN_KVER=$(uname -r) RUN_ACCEL=none RUN_KERNEL=custom
	ktap_begin "$_runs"
	for _run in $_runs; do
		_name=$(sed -n 's/^name=//p' "$_run/run.env")
		_mode=$(sed -n 's/^mode=//p' "$_run/run.env")
		RUN_PANIC=$(sed -n 's/^panic=//p' "$_run/run.env")
		table_load "$_name" "$_mode" custom
		out=$_outdir/$_name.$_mode.collected
		mkdir -p "$out"
		RUN_CONSOLE=$out/console.log RUN_GUESTLOG='' RUN_WALL_MS=''
		if _src=$(labvm_find_log "$_run" "$RUN_CONSOLE"); then
			verdict "$RUN_CONSOLE" "" "$RUN_PANIC" 0
			V_REASON="$V_REASON (collected from $_src)"
		else
			V_RESULT=fail V_SIGNATURE=''
			V_REASON="the machine rebooted and no crash log survived: no pstore backend, no kdump; see --setup-lab-vm"
			: > "$RUN_CONSOLE"
		fi
		ktap_result
		cp "$out/verdict.json" "$_run/" 2>/dev/null
		echo "collected $(date +%s) ${_src:-none}" > "$_run/done"
	done
	sync
	ktap_end
}

# ------------------------------------------------------------------- host

# The suite's lab-VM image as the target of a run (--lab-vm): resolve it
# (made unless cached) and set K_* to its kernel, whose headers are in the
# image's chroot.
labvm_resolve() {
	LABVM_IMG=$("$TOP/scripts/mklabvm.sh" --print-dir) || return 1
	kernel_from_chroot labvm-12 "$(cat "$LABVM_IMG/release")" || return 1
	K_NAME=labvm K_ARCH=x86_64 K_TARGET=labvm K_SYSROOT=''
	# the image is Debian 12 for amd64: the x86_64 facts (QEMU, ports)
	arch_resolve x86_64
}

# labvm_job DIR NAME MODE PANIC SETUP BUILD: the tar the guest runs.
labvm_job() {
	_stage=$1/job
	rm -rf "$_stage"
	mkdir -p "$_stage/selftests" "$_stage/userspace" "$_stage/scripts"
	cp -pR "$TOP/scripts/run_reproducer.sh" "$TOP/scripts/lib" "$_stage/scripts/"
	cp "$TABLE" "$_stage/selftests/reproducers.txt"
	cp -pR "$TOP/userspace/bin" "$_stage/userspace/"
	cp -pR "$TOP/Kbuild" "$TOP/kmod" "$TOP/dkms.conf" "$_stage/"
	for _ko in "$(vm_kmod_dir)"/kmod/*/*.ko; do
		cp "$_ko" "$_stage/kmod/$(basename "$(dirname "$_ko")")/"
	done
	printf 'NAME=%s\nMODE=%s\nPANIC=%s\nSETUP=%s\nBUILD=%s\nDKMS=%s\n' \
		"$2" "$3" "$4" "$5" "$6" "$6" > "$_stage/job.env"
	tar -cf "$1/job.tar" -C "$_stage" . || return 1
	rm -rf "$_stage"
}

# labvm_boot OUT TIMEOUT CAPTURE(erst|ramoops|none): boot the image with the job,
# let it crash and reboot as it will, until it powers off.  Sets
# RUN_WALL_MS and RUN_TIMEDOUT; the guest's results are unpacked into
# OUT/guest/.
labvm_boot() {
	_out=$1 _timeout=$2 _capture=$3
	: > "$_out/console.log"
	: > "$_out/guest.log"
	rm -f "$_out/results.img" "$_out/erst.backing"
	truncate -s 64M "$_out/results.img"
	set -- -drive "file=$LABVM_IMG/root.img,format=raw,if=none,id=root,snapshot=on" \
		-device virtio-blk-pci,drive=root \
		-drive "file=$_out/job.tar,format=raw,if=none,id=job,readonly=on" \
		-device virtio-blk-pci,drive=job,serial=oopslab-job \
		-drive "file=$_out/results.img,format=raw,if=none,id=results" \
		-device virtio-blk-pci,drive=results,serial=oopslab-results
	if [ "$_capture" = erst ]; then
		# ERST's records live in this file: they survive the guest's
		# reset, and a new QEMU process too.
		set -- "$@" -object "memory-backend-file,id=erst,size=0x100000,mem-path=$_out/erst.backing,share=on" \
			-device acpi-erst,memdev=erst
	fi
	# ramoops: 4 MB of guest RAM kept from the kernel; QEMU keeps guest
	# RAM across the guest's reset, so the records are there after it.
	_ramoops=''
	# shellcheck disable=SC2016 # memmap's "$" is the kernel's syntax
	[ "$_capture" = ramoops ] &&
		_ramoops='memmap=4M$0x70000000 ramoops.mem_address=0x70000000 ramoops.mem_size=0x400000 ramoops.record_size=0x100000'
	_t0=$(now_ms)
	# shellcheck disable=SC2046 # accel args are words
	timeout -k 5 "$_timeout" "$A_QEMU" $(vm_qemu_accel_args "$RUN_ACCEL") \
		-m 2048 -smp 2 -nodefaults -no-user-config -display none \
		-serial "file:$_out/console.log" -serial "file:$_out/guest.log" \
		-kernel "$LABVM_IMG/vmlinuz" -initrd "$LABVM_IMG/initrd.img" \
		-append "root=LABEL=oopslab-root rw console=ttyS0 loglevel=7 systemd.show_status=0 panic=10 $_ramoops $R_cmdline" \
		"$@" >"$_out/qemu.log" 2>&1 &
	_qpid=$!
	_boots=0
	while kill -0 "$_qpid" 2>/dev/null; do
		sleep 1
		_n=$(grep -c 'Linux version' "$_out/console.log")
		if [ "$_n" != "$_boots" ]; then
			_boots=$_n
			progress "  boot $_n at $(fmt_secs $(($(now_ms) - _t0))) s"
		fi
	done
	wait "$_qpid"
	_rc=$?
	RUN_WALL_MS=$(($(now_ms) - _t0))
	RUN_TIMEDOUT=0
	case $_rc in
	124 | 137) RUN_TIMEDOUT=1
		progress "  the lab VM did not power off in $_timeout s: killed; console kept in $_out/console.log" ;;
	0) ;;
	*) progress "  QEMU exited $_rc: $(head -n 1 "$_out/qemu.log")" ;;
	esac
	rm -rf "$_out/guest"
	mkdir -p "$_out/guest"
	tar -xf "$_out/results.img" -C "$_out/guest" 2>/dev/null
	LABVM_BOOTS=$_boots
}
