// SPDX-License-Identifier: GPL-2.0
/*
 * deepin_lsm - install an LSM hook by writing into the kernel's read-only
 * LSM hook structures, as deepin_security did on 4.19 (Oops: 0003, insmod).
 *
 * Since 4.12 the LSM hook structures are __lsm_ro_after_init:
 * mark_rodata_ro() write-protects them when boot is done, and
 * security_add_hooks() is __init.  A module that appends its own
 * security_hook_list at load time stores into a read-only page and oopses
 * with page-fault error code 0x0003 (page present, write, kernel mode).
 *
 *   mode=off    (default) do nothing.
 *   mode=buggy  find the hook structure through kallsyms and append a
 *               file_open hook to it, as the field module did: the store
 *               faults in deepin_init_lsm_hooks(), Comm insmod.
 *   mode=fixed  find the same word, check its page, refuse to write it and
 *               hook security_file_open() with a kprobe instead.
 *
 * The read-only parameter "hits" counts the file opens the hook has seen.
 *
 * 6.1 keeps one hlist per hook in security_hook_heads; hlist_add_tail_rcu()
 * stores into the last LSM's entry (apparmor_hooks[], bpf_lsm_hooks[]...).
 * 6.12 dispatches through static calls: the append stores the hook into the
 * first free slot of static_calls_table.  All of these are __ro_after_init.
 *
 * On kernels without CONFIG_KALLSYMS_ALL (Debian's arm64 and ppc64el 6.1)
 * kallsyms knows no data symbols: the hook structure is not found and the
 * module refuses to load, unless its address is given as table_addr (from
 * System.map, as some third-party modules take addresses; with KASLR the
 * kernel must be booted with nokaslr for that address to hold).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/kallsyms.h>
#include <linux/kprobes.h>
#include <linux/lsm_hooks.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/rculist.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/uaccess.h>

#include "compat.h"

/*
 * 6.12 replaced the per-hook lists with static calls; the same series added
 * MAX_LSM_COUNT (linux/lsm_count.h), which sizes the static call table.
 */
#ifdef MAX_LSM_COUNT
#define DEEPIN_STATIC_CALLS	1
#define DEEPIN_TABLE		"static_calls_table"
#else
#define DEEPIN_STATIC_CALLS	0
#define DEEPIN_TABLE		"security_hook_heads"
#endif

static char *mode = "off";
module_param(mode, charp, 0444);
MODULE_PARM_DESC(mode,
		 "off (default), buggy (write the read-only LSM hook structure: oops), fixed (check, refuse, hook with a kprobe)");

static unsigned long table_addr;
module_param(table_addr, ulong, 0444);
MODULE_PARM_DESC(table_addr,
		 "address of the hook structure from System.map (default 0: ask kallsyms, which needs CONFIG_KALLSYMS_ALL)");

static atomic_long_t hits = ATOMIC_LONG_INIT(0);

static int hits_set(const char *val, const struct kernel_param *kp)
{
	return -EPERM;
}

static int hits_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%ld\n", atomic_long_read(&hits));
}

static const struct kernel_param_ops hits_ops = {
	.set = hits_set,
	.get = hits_get,
};
module_param_cb(hits, &hits_ops, NULL, 0444);
MODULE_PARM_DESC(hits, "file opens seen by the installed hook (read-only)");

/* The LSM hook the field module would have run. */
static int deepin_file_open(struct file *file)
{
	atomic_long_inc(&hits);
	return 0;
}

/* .head/.scalls are filled in at run time: the kernel does not export them. */
static struct security_hook_list deepin_hooks[] = {
	{ .hook = { .file_open = deepin_file_open } },
};

/* The kprobe the fixed mode uses instead. */
static int deepin_file_open_pre(struct kprobe *p, struct pt_regs *regs)
{
	atomic_long_inc(&hits);
	return 0;
}

static struct kprobe deepin_kp = {
	.symbol_name	= "security_file_open",
	.pre_handler	= deepin_file_open_pre,
};

static bool deepin_kp_registered;

static unsigned long (*deepin_kallsyms)(const char *name);

/*
 * kallsyms_lookup_name() is not exported since 5.7; modules like the field
 * one learn its address from a kprobe, which resolves any symbol.  With IBT
 * (6.12) the probe address is after the ENDBR, and an indirect call must
 * land on the ENDBR; one sealed at boot cannot be called indirectly at all.
 */
static int deepin_find_kallsyms(void)
{
	struct kprobe kp = { .symbol_name = "kallsyms_lookup_name" };
	unsigned long addr;
	int ret;

	ret = register_kprobe(&kp);
	if (ret) {
		pr_err("cannot locate kallsyms_lookup_name: register_kprobe: %d\n",
		       ret);
		return ret;
	}
	addr = (unsigned long)kp.addr;
	unregister_kprobe(&kp);

#ifdef CONFIG_X86_KERNEL_IBT
	{
		void *entry = (void *)(addr - ENDBR_INSN_SIZE);
		u32 insn;

		if (!copy_from_kernel_nofault(&insn, entry, sizeof(insn)) &&
		    deepin_is_endbr(insn)) {
			addr -= ENDBR_INSN_SIZE;
			if (insn != gen_endbr() &&
			    cpu_feature_enabled(X86_FEATURE_IBT)) {
				pr_err("kallsyms_lookup_name has a sealed ENDBR: cannot call it with IBT on\n");
				return -EOPNOTSUPP;
			}
		}
	}
#endif
#ifdef CONFIG_PPC64
	/*
	 * ELFv2: the probe is at the local entry point, past the two
	 * instructions that set up the TOC pointer from the global entry's
	 * address; an indirect call from a module must enter at the global
	 * entry, the symbol's start, or the callee runs on this module's TOC.
	 */
	{
		char sym[KSYM_SYMBOL_LEN];
		unsigned long off, size;
		char *plus;

		sprint_symbol(sym, addr);
		plus = strrchr(sym, '+');
		if (!plus || sscanf(plus, "+%lx/%lx", &off, &size) != 2) {
			pr_err("cannot find the start of kallsyms_lookup_name in %s\n",
			       sym);
			return -ENOENT;
		}
		addr -= off;
	}
#endif
	deepin_kallsyms = (unsigned long (*)(const char *))addr;
	return 0;
}

/* Where the append stores: the word that must be writable for it to work. */
struct deepin_target {
	unsigned long table;		/* address of DEEPIN_TABLE */
	unsigned long slot;		/* the word the append stores to */
#if DEEPIN_STATIC_CALLS
	struct lsm_static_call *scall;	/* the free file_open slot */
#else
	struct hlist_head *head;	/* security_hook_heads.file_open */
#endif
};

#if DEEPIN_STATIC_CALLS
/* security_add_hooks() -> lsm_static_call_init(): the first unused slot. */
static int deepin_find_slot(struct deepin_target *t)
{
	struct lsm_static_call *scall;
	int i;

	scall = ((struct lsm_static_calls_table *)t->table)->file_open;
	for (i = 0; i < MAX_LSM_COUNT; i++) {
		if (!scall[i].hl) {
			t->scall = &scall[i];
			t->slot = (unsigned long)&scall[i].hl;
			return 0;
		}
	}
	pr_err("no free file_open slot in %s\n", DEEPIN_TABLE);
	return -ENOSPC;
}

/*
 * lsm_static_call_init() also retargets the static call and enables its key;
 * the data store comes first here so that nothing points into this module
 * once it has faulted.
 */
static void deepin_append(struct deepin_target *t)
{
	t->scall->hl = &deepin_hooks[0];
}

static void deepin_unappend(struct deepin_target *t)
{
	t->scall->hl = NULL;
}
#else
/* hlist_add_tail_rcu() stores into the last node's next, or the head. */
static int deepin_find_slot(struct deepin_target *t)
{
	struct hlist_node *n, *last = NULL;

	t->head = &((struct security_hook_heads *)t->table)->file_open;
	for (n = t->head->first; n; n = n->next)
		last = n;
	t->slot = last ? (unsigned long)&last->next :
			 (unsigned long)&t->head->first;
	return 0;
}

static void deepin_append(struct deepin_target *t)
{
	deepin_hooks[0].head = t->head;
	hlist_add_tail_rcu(&deepin_hooks[0].list, t->head);
}

static void deepin_unappend(struct deepin_target *t)
{
	hlist_del_rcu(&deepin_hooks[0].list);
	synchronize_rcu();
}
#endif

static int deepin_find_target(struct deepin_target *t)
{
	t->table = table_addr ? table_addr : deepin_kallsyms(DEEPIN_TABLE);
	if (!t->table) {
		pr_err("%s not found by kallsyms_lookup_name (CONFIG_KALLSYMS_ALL?)\n",
		       DEEPIN_TABLE);
		return -ENOENT;
	}
	return deepin_find_slot(t);
}

/*
 * init_lsm_hooks() of deepin_security: link our hook into the kernel's hook
 * structure.  The store lands in a page mark_rodata_ro() made read-only:
 * #PF error code 0x0003, "Oops: 0003", Comm insmod.  noinline and
 * __noclone: this is the function the oops must name, without an .isra
 * suffix.
 */
static noinline __noclone void deepin_init_lsm_hooks(struct deepin_target *t)
{
	deepin_append(t);
}

#if DEEPIN_LOOKUP_ADDRESS
/* Is the page under addr writable?  Says what it found either way. */
static bool deepin_writable(unsigned long addr)
{
	static const char * const size[PG_LEVEL_NUM] = {
		[PG_LEVEL_4K] = "4K", [PG_LEVEL_2M] = "2M", [PG_LEVEL_1G] = "1G",
	};
	unsigned long start = deepin_kallsyms("__start_ro_after_init");
	unsigned long end = deepin_kallsyms("__end_ro_after_init");
	bool ro_after_init = start && end && addr >= start && addr < end;
	unsigned int level;
	pte_t *pte;
	bool rw;

	pte = lookup_address(addr, &level);
	rw = pte && pte_present(*pte) && pte_write(*pte);
	pr_info("0x%lx is %s __ro_after_init [0x%lx-0x%lx); its %s page is %s\n",
		addr, ro_after_init ? "inside" : "outside", start, end,
		level < PG_LEVEL_NUM && size[level] ? size[level] : "kernel",
		!pte || !pte_present(*pte) ? "not present" :
		rw ? "writable (RW bit set)" : "read-only (RW bit clear)");
	return rw;
}

#else
/*
 * Is the word at addr writable?  No page-table walker is exported here, and
 * copy_to_kernel_nofault() is not exported before 6.13 either: store the
 * word's own value back with what it is built on, __put_kernel_nofault(),
 * page faults disabled.  On a read-only page the store faults and its
 * exception table entry (in this module's __ex_table, which the fault
 * handler searches too) resumes at the error label: arm64
 * do_page_fault() -> __do_kernel_fault() -> fixup_exception(); powerpc
 * bad_page_fault() -> fixup_exception().  Neither reports anything.  On a
 * writable page the word keeps its value: __ro_after_init data has no
 * writer after boot whose update the write-back could undo.
 */
static bool deepin_store_faults(unsigned long addr, unsigned long val)
{
	pagefault_disable();
	__put_kernel_nofault((void *)addr, &val, unsigned long, fault);
	pagefault_enable();
	return false;
fault:
	pagefault_enable();
	return true;
}

static bool deepin_writable(unsigned long addr)
{
	unsigned long start = deepin_kallsyms("__start_ro_after_init");
	unsigned long end = deepin_kallsyms("__end_ro_after_init");
	const char *where = !start || !end ? "(no symbols: unknown if) in" :
			    addr >= start && addr < end ? "inside" : "outside";
	unsigned long val;
	bool rw;

	if (copy_from_kernel_nofault(&val, (void *)addr, sizeof(val))) {
		pr_info("0x%lx is %s __ro_after_init [0x%lx-0x%lx); it cannot even be read\n",
			addr, where, start, end);
		return false;
	}
	rw = !deepin_store_faults(addr, val);
	pr_info("0x%lx is %s __ro_after_init [0x%lx-0x%lx); a store of its own value %s\n",
		addr, where, start, end,
		rw ? "succeeded: writable" : "faulted (fixed up): read-only");
	return rw;
}
#endif /* DEEPIN_LOOKUP_ADDRESS */

static int deepin_install_fixed(struct deepin_target *t)
{
	int ret;

	if (deepin_writable(t->slot))
		pr_warn("0x%lx is writable (rodata=off?), but LSM hook state must not be patched at run time: not writing it\n",
			t->slot);
	else
		pr_warn("refusing to append to %s: 0x%lx is read-only after init, the store would oops\n",
			DEEPIN_TABLE, t->slot);

	ret = register_kprobe(&deepin_kp);
	if (ret) {
		pr_err("register_kprobe(security_file_open): %d\n", ret);
		return ret;
	}
	deepin_kp_registered = true;
	pr_info("hooked security_file_open with a kprobe instead; parameter hits counts file opens\n");
	return 0;
}

static int __init deepin_lsm_init(void)
{
	struct deepin_target t;
	bool buggy;
	int ret;

	if (sysfs_streq(mode, "off")) {
		pr_info("mode=off: not hooking anything\n");
		return 0;
	}
	buggy = sysfs_streq(mode, "buggy");
	if (!buggy && !sysfs_streq(mode, "fixed")) {
		pr_err("unknown mode '%s' (off, buggy, fixed)\n", mode);
		return -EINVAL;
	}

	ret = deepin_find_kallsyms();
	if (ret)
		return ret;
	ret = deepin_find_target(&t);
	if (ret)
		return ret;

	/*
	 * Raw addresses on purpose: this is a lab module, and they must match
	 * the "unable to handle page fault for address:" line of the oops.
	 */
	pr_info("mode=%s: %s is at 0x%lx; appending a file_open hook stores to 0x%lx (%pS)\n",
		mode, DEEPIN_TABLE, t.table, t.slot, (void *)t.slot);
	if (!buggy)
		return deepin_install_fixed(&t);

	pr_info("writing 0x%lx now, as deepin_security's init_lsm_hooks() did\n",
		t.slot);
	deepin_init_lsm_hooks(&t);

	pr_err("FAIL: the store to 0x%lx survived: the page is writable (rodata=off?)\n",
	       t.slot);
	deepin_unappend(&t);
	return 0;
}

static void __exit deepin_lsm_exit(void)
{
	if (deepin_kp_registered)
		unregister_kprobe(&deepin_kp);
	pr_info("unloaded, hits=%ld\n", atomic_long_read(&hits));
}

module_init(deepin_lsm_init);
module_exit(deepin_lsm_exit);

MODULE_DESCRIPTION("oopslab: LSM hooks appended to __ro_after_init structures (Oops 0003)");
MODULE_LICENSE("GPL");

#if IS_ENABLED(CONFIG_KUNIT)
#include "deepin_lsm_kunit.c"
#endif
