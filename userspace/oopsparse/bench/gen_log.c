// SPDX-License-Identifier: GPL-2.0
/*
 * gen_log MB FILE: write a synthetic console log of about MB megabytes:
 * boot-log noise with real-looking reports of every kind mixed in (x86
 * 2.6.32..6.12 formats, powerpc, syslog and <N> prefixes).  Prints the
 * number of reports written, which oopsparse must find.  Deterministic.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>

static unsigned long long rng = 0x9e3779b97f4a7c15ULL;

static unsigned int rnd(unsigned int n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned int)(rng % n);
}

static const char *const noise[] = {
	"e1000: eth0 NIC Link is Up 1000 Mbps Full Duplex, Flow Control: RX",
	"EXT4-fs (vda1): mounted filesystem with ordered data mode. Quota mode: none.",
	"audit: type=1400 audit(1700000000.123:42): apparmor=\"STATUS\" operation=\"profile_load\" name=\"/usr/bin/man\" pid=512 comm=\"apparmor_parser\"",
	"systemd[1]: Started Journal Service.",
	"hrtimer: interrupt took 2394532 ns",
	"Unstable clock detected, switching default tracing clock to \"global\"",
	"foo: loading out-of-tree module taints kernel.",
	"foo: module verification failed: signature and/or required key missing - tainting kernel",
	"IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready",
	"virtio_net virtio1 enp0s3: renamed from eth0",
	"random: crng init done",
	"ACPI: PM: Preparing to enter system sleep state S5",
	"usb 1-1: new high-speed USB device number 2 using ehci-pci",
	"sd 0:0:0:0: [sda] 41943040 512-byte logical blocks: (21.5 GB/20.0 GiB)",
	"TCP: request_sock_TCP: Possible SYN flooding on port 80. Sending cookies.",
	"nf_conntrack: nf_conntrack: table full, dropping packet",
	"INFO: lockdep is turned off.",
	"clocksource: Switched to clocksource tsc",
};

/* %C comm, %P pid, %N cpu */
static const char *const reports[] = {
	/* 6.1 soft lockup from a kill hook */
	"watchdog: BUG: soft lockup - CPU#%N stuck for 22s! [%C:%P]\n"
	"Modules linked in: dirpro_kill(OE) nf_tables virtio_net\n"
	"CPU: %N PID: %P Comm: %C Tainted: G           OE      6.1.0-56-cloud-amd64 #1 Debian 6.1.192-2\n"
	"Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.2-debian-1.16.2-1 04/01/2014\n"
	"RIP: 0010:dirpro_get_process_name+0x3b/0x90 [dirpro_kill]\n"
	"Code: 48 8b 87 a8 04 00 00 48 8d 90 58 fb ff ff 48 39 c1 74 2a <48> 8d 90 58 fb ff ff\n"
	"RSP: 0018:ffffb1c1c0003e08 EFLAGS: 00000246\n"
	"RAX: 0000000000000000 RBX: ffff9f2a41a3c000 RCX: 0000000000000001\n"
	"Call Trace:\n <IRQ>\n ? watchdog_timer_fn+0x1d8/0x240\n ? __hrtimer_run_queues+0x112/0x2b0\n </IRQ>\n <TASK>\n"
	" dirpro_lookup_name+0x35/0x80 [dirpro_kill]\n dirpro_kill_pre+0x4e/0x80 [dirpro_kill]\n"
	" kprobe_ftrace_handler+0x10c/0x1b0\n __x64_sys_kill+0x5/0xa0\n do_syscall_64+0x55/0xb0\n"
	" entry_SYSCALL_64_after_hwframe+0x6e/0xd8\n </TASK>\n",
	/* 2.6.32 syslog soft lockup */
	"@BUG: soft lockup - CPU#%N stuck for 67s! [%C:%P]\n"
	"@Modules linked in: dirpro(U) ext4 jbd2 mbcache sd_mod\n"
	"@Pid: %P, comm: %C Not tainted 2.6.32-754.6.3.el6.x86_64 #1 Inspur NF5280M4\n"
	"@RIP: 0010:[<ffffffffa02aa510>]  [<ffffffffa02aa510>] get_process_name+0x50/0x100 [dirpro]\n"
	"@Call Trace:\n"
	"@ [<ffffffffa02ae19c>] ? new_sys_kill+0x5c/0x220 [dirpro]\n"
	"@ [<ffffffff81564357>] ? system_call_fastpath+0x35/0x3a\n",
	/* kernel BUG + panic */
	"------------[ cut here ]------------\n"
	"kernel BUG at fs/buffer.c:1219!\n"
	"invalid opcode: 0000 [#1] PREEMPT SMP NOPTI\n"
	"CPU: %N PID: %P Comm: %C Tainted: G           OE      6.1.0-56-cloud-amd64 #1 Debian 6.1.192-2\n"
	"RIP: 0010:__find_get_block+0x1f2/0x2c0\n"
	"Call Trace:\n <TASK>\n ? die+0x36/0x90\n legacy_release_file+0x2e/0x60 [elkeid_fput]\n"
	" legacy_fput+0x35/0x50 [elkeid_fput]\n elkeid_pre_handler+0x43/0x70 [elkeid_fput]\n"
	" kprobe_ftrace_handler+0x10c/0x1b0\n security_inode_create+0x5/0x80\n </TASK>\n"
	"Modules linked in: elkeid_fput(OE)\n---[ end trace 0000000000000000 ]---\n"
	"RIP: 0010:__find_get_block+0x1f2/0x2c0\n"
	"Kernel panic - not syncing: Fatal exception\n",
	/* 6.x page fault */
	"BUG: unable to handle page fault for address: ffffffff9a24e1c8\n"
	"#PF: supervisor write access in kernel mode\n"
	"#PF: error_code(0x0003) - permissions violation\n"
	"PGD 11a15067 P4D 11a15067 PUD 11a16063 PMD 800000001140c0e1\n"
	"Oops: 0003 [#1] PREEMPT SMP NOPTI\n"
	"CPU: %N PID: %P Comm: insmod Tainted: G           OE      6.1.0-56-cloud-amd64 #1\n"
	"RIP: 0010:deepin_init_lsm_hooks+0x2b/0x40 [deepin_lsm]\n"
	"Call Trace:\n <TASK>\n deepin_lsm_init+0xd7/0x1000 [deepin_lsm]\n do_one_initcall+0x5b/0x220\n"
	" do_init_module+0x4c/0x1e0\n </TASK>\nModules linked in: deepin_lsm(OE+)\nCR2: ffffffff9a24e1c8\n"
	"---[ end trace 0000000000000000 ]---\n",
	/* NULL deref */
	"BUG: kernel NULL pointer dereference, address: 0000000000000008\n"
	"#PF: supervisor read access in kernel mode\n#PF: error_code(0x0000) - not-present page\n"
	"Oops: 0000 [#1] PREEMPT SMP NOPTI\n"
	"CPU: %N PID: %P Comm: %C Not tainted 6.1.0-56-cloud-amd64 #1\n"
	"RIP: 0010:foo_show+0x19/0x50\nCall Trace:\n <TASK>\n dev_attr_show+0x19/0x40\n"
	" sysfs_kf_seq_show+0xa8/0x100\n </TASK>\n---[ end trace 0000000000000000 ]---\n",
	/* GPF */
	"general protection fault, probably for non-canonical address 0x147af15627e0f48: 0000 [#1] PREEMPT SMP NOPTI\n"
	"CPU: %N PID: %P Comm: %C Tainted: G           OE      6.1.0-56-cloud-amd64 #1\n"
	"RIP: 0010:__ksize+0x43/0x130\nCall Trace:\n <TASK>\n kfree_sensitive+0x14/0x40\n"
	" afalg_shash_ctx_exit+0x12/0x1e [afalg_shash]\n crypto_destroy_tfm+0x5c/0xc0\n"
	" alg_sock_destruct+0x22/0x40 [af_alg]\n af_alg_release+0x44/0x60 [af_alg]\n __fput+0x93/0x250\n"
	" </TASK>\nModules linked in: afalg_shash(OE) algif_hash af_alg\n---[ end trace 0000000000000000 ]---\n",
	/* WARNING */
	"------------[ cut here ]------------\n"
	"WARNING: CPU: %N PID: %P at ipc/shm.c:381 __shm_close+0xd8/0x100\n"
	"Modules linked in: cifs_delim(OE)\n"
	"CPU: %N PID: %P Comm: %C Tainted: G           OE      6.1.0-56-cloud-amd64 #1\n"
	"RIP: 0010:__shm_close+0xd8/0x100\nCall Trace:\n <TASK>\n ? __warn+0x7d/0xc0\n remove_vma+0x29/0x60\n"
	" exit_mmap+0x19c/0x320\n do_exit+0x2ee/0xad0\n </TASK>\n---[ end trace 0000000000000000 ]---\n",
	/* KASAN */
	"==================================================================\n"
	"BUG: KASAN: slab-out-of-bounds in cifs_delim_convert+0x8e/0xb0 [cifs_delim]\n"
	"Write of size 1 at addr ffff888004b2e1a0 by task %C/%P\n\n"
	"CPU: %N UID: 0 PID: %P Comm: %C Tainted: G           OE      6.12.117-oopslab #1\n"
	"Call Trace:\n <TASK>\n dump_stack_lvl+0x5d/0x80\n print_report+0xcb/0x610\n kasan_report+0xb8/0xf0\n"
	" cifs_delim_convert+0x8e/0xb0 [cifs_delim]\n cifs_delim_write+0x15a/0x230 [cifs_delim]\n </TASK>\n\n"
	"Allocated by task %P:\n kasan_save_stack+0x33/0x60\n __kmalloc_noprof+0x1d2/0x4b0\n"
	" cifs_delim_build_buggy+0x7a/0x150 [cifs_delim]\n\n"
	"The buggy address belongs to the object at ffff888004b2e180\n"
	" which belongs to the cache kmalloc-32 of size 32\n"
	"==================================================================\n",
	/* hung task, <N> prefixed */
	"<3>INFO: task %C:%P blocked for more than 120 seconds.\n"
	"<3>      Not tainted 6.1.0-56-cloud-amd64 #1 Debian 6.1.192-2\n"
	"<3>task:%C state:D stack:0     pid:%P   ppid:2      flags:0x00004000\n"
	"<4>Call Trace:\n<4> <TASK>\n<4> __schedule+0x34d/0x9e0\n<4> schedule+0x5a/0xd0\n"
	"<4> jbd2_journal_commit_transaction+0x16a1/0x1ad0 [jbd2]\n<4> kthread+0xd7/0x100\n<4> </TASK>\n",
	/* RCU stall */
	"rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:\n"
	"rcu: \t%N-...!: (2 GPs behind) idle=8e4/1/0x4000000000000000 softirq=2233/2233 fqs=0\n"
	"NMI backtrace for cpu %N\nCPU: %N PID: %P Comm: %C Tainted: G           O       6.1.0 #1\n"
	"RIP: 0010:spin_forever+0x10/0x20 [spinmod]\nCall Trace:\n <TASK>\n spin_write+0x2c/0x40 [spinmod]\n"
	" vfs_write+0xb7/0x2f0\n </TASK>\n",
	/* list corruption */
	"------------[ cut here ]------------\n"
	"list_add corruption. next->prev should be prev (ffff9f2a41a3c010), but was ffff9f2a41a3c100. (next=ffff9f2a41a3c200).\n"
	"WARNING: CPU: %N PID: %P at lib/list_debug.c:27 __list_add_valid+0x6d/0xa0\n"
	"CPU: %N PID: %P Comm: %C Tainted: G           O       6.1.0 #1\n"
	"RIP: 0010:__list_add_valid+0x6d/0xa0\nCall Trace:\n <TASK>\n gadget_queue+0x45/0x90 [gadget]\n </TASK>\n"
	"---[ end trace 0000000000000000 ]---\n",
	/* SLUB */
	"=============================================================================\n"
	"BUG kmalloc-32 (Tainted: G           OE     ): Right Redzone overwritten\n"
	"-----------------------------------------------------------------------------\n\n"
	"0xffff9f2a4123c6a0-0xffff9f2a4123c6a0 @offset=1696. First byte 0x5c instead of 0xcc\n"
	"CPU: %N PID: %P Comm: %C Tainted: G    B      OE      6.1.0 #1\n"
	"Call Trace:\n <TASK>\n dump_stack_lvl+0x44/0x5c\n check_bytes_and_report.cold+0x9c/0xb3\n kfree+0x2be/0x2d0\n"
	" cifs_delim_build+0x8c/0x120 [cifs_delim]\n </TASK>\n",
	/* powerpc */
	"BUG: Unable to handle kernel data access at 0xc0403effffffffc8\n"
	"Faulting instruction address: 0xc000000000396cb4\n"
	"Oops: Kernel access of bad area, sig: 11 [#15]\n"
	"CPU: %N UID: 0 PID: %P Comm: %C Tainted: G S D 6.18.26-gentoo-ppc #1 VOLUNTARY\n"
	"NIP: c000000000396cb4 LR: c000000000396e68 CTR: c000000000396e40\n"
	"NIP [c000000000396cb4] __ksize+0x34/0x190\nLR [c000000000396e68] kfree_sensitive+0x28/0x80\n"
	"Call Trace:\n[c00000018a4a7ae0] [c00000018a4a7b20] 0xc00000018a4a7b20 (unreliable)\n"
	"[c00000018a4a7b40] [c0003d00002b0acc] nx_crypto_ctx_shash_exit+0x24/0x60 [nx_crypto]\n"
	"[c00000018a4a7c30] [c000000000998b5c] hash_release+0x1c/0x30\n"
	"[c00000018a4a7cc0] [c0000000009970a8] af_alg_release+0x58/0xb0\n"
	"---[ end trace 0000000000000000 ]---\n",
	/* sleeping function */
	"BUG: sleeping function called from invalid context at fs/file_table.c:372\n"
	"in_atomic(): 1, irqs_disabled(): 1, non_block: 0, pid: %P, name: %C\n"
	"CPU: %N UID: 0 PID: %P Comm: %C Tainted: G           OE      6.12.117-oopslab #1\n"
	"Call Trace:\n <TASK>\n dump_stack_lvl+0x5d/0x80\n __might_resched.cold+0xfb/0x134\n __fput+0x7d/0x420\n"
	" legacy_release_file+0x2e/0x60 [elkeid_fput]\n elkeid_pre_handler+0x43/0x70 [elkeid_fput]\n"
	" kprobe_ftrace_handler+0x11b/0x1d0\n </TASK>\n",
};

static const char *const comms[] = {
	"a.out", "dirpro-kill", "kworker/0:1", "insmod", "afalg-hash",
	"cifs-delim", "java", "crond", "systemd-udevd", "elkeid-fput",
};

int main(int argc, char **argv)
{
	unsigned long long target, written = 0;
	unsigned long nreports = 0;
	double t = 0.0;
	FILE *f;

	if (argc != 3) {
		fprintf(stderr, "usage: gen_log MB FILE\n");
		return 2;
	}
	target = strtoull(argv[1], NULL, 10) << 20;
	f = fopen(argv[2], "w");
	if (!f) {
		perror(argv[2]);
		return 2;
	}
	while (written < target) {
		unsigned int k, nn = 20 + rnd(300);
		const char *tpl, *p;
		const char *comm = comms[rnd(sizeof(comms) / sizeof(comms[0]))];
		unsigned int pid = 100 + rnd(60000), cpu = rnd(64);
		bool syslog;
		int n;

		for (k = 0; k < nn; k++) {
			t += 0.000731 * (1 + rnd(100));
			n = fprintf(f, "[%12.6f] %s\n", t,
				    noise[rnd(sizeof(noise) / sizeof(noise[0]))]);
			written += (unsigned long long)n;
		}
		tpl = reports[rnd(sizeof(reports) / sizeof(reports[0]))];
		syslog = tpl[0] == '@';
		/* expand line by line, with a prefix per line */
		for (p = tpl; *p; ) {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			char line[1024];
			size_t o = 0;

			if (syslog && *p == '@') {
				p++;
				len--;
				o = (size_t)snprintf(line, sizeof(line),
						     "May 23 18:36:31 host kernel: ");
			} else if (*p != '<') {
				t += 0.000011;
				o = (size_t)snprintf(line, sizeof(line),
						     "[%12.6f] ", t);
			}
			for (size_t i = 0; i < len && o < sizeof(line) - 32; i++) {
				if (p[i] == '%' && i + 1 < len) {
					i++;
					if (p[i] == 'C')
						o += (size_t)snprintf(line + o, sizeof(line) - o, "%s", comm);
					else if (p[i] == 'P')
						o += (size_t)snprintf(line + o, sizeof(line) - o, "%u", pid);
					else if (p[i] == 'N')
						o += (size_t)snprintf(line + o, sizeof(line) - o, "%u", cpu);
					continue;
				}
				line[o++] = p[i];
			}
			line[o++] = '\n';
			fwrite(line, 1, o, f);
			written += o;
			p += len + (nl ? 1 : 0);
		}
		nreports++;
	}
	if (fclose(f)) {
		perror(argv[2]);
		return 2;
	}
	printf("%lu\n", nreports);
	fprintf(stderr, "gen_log: %s: %.1f MB, %lu reports\n", argv[2],
		(double)written / (1 << 20), nreports);
	return 0;
}
