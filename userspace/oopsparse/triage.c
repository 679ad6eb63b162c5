// SPDX-License-Identifier: GPL-2.0
/*
 * oopsparse: map a report to the oopslab failure class it matches.
 *
 * Every rule looks at the structure of the report (its kind, the frames of
 * the RIP and the call trace, the module those frames live in, the decoded
 * fault) and never at a module's name alone.  See
 * Documentation/oopsparse.rst, "Triage", for the rules in prose.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

#define REPRO "scripts/run_reproducer.sh "

/* first frame among RIP, LR and the call trace whose name matches */
static const struct oops_frame *find_frame(const struct oops_report *r,
					   const char *const *pats, size_t n)
{
	if (r->has_rip && oops_frame_matches(r->rip.function, pats, n))
		return &r->rip;
	if (r->has_lr && oops_frame_matches(r->lr.function, pats, n))
		return &r->lr;
	for (int i = 0; i < r->nframes; i++)
		if (oops_frame_matches(r->frames[i].function, pats, n))
			return &r->frames[i];
	return NULL;
}

/* first frame whose name contains one of subs */
static const struct oops_frame *find_substr(const struct oops_report *r,
					    const char *const *subs, size_t n)
{
	const struct oops_frame *all[2 + OOPS_MAX_FRAMES];
	int k = 0;

	if (r->has_rip)
		all[k++] = &r->rip;
	if (r->has_lr)
		all[k++] = &r->lr;
	for (int i = 0; i < r->nframes; i++)
		all[k++] = &r->frames[i];
	for (int i = 0; i < k; i++)
		for (size_t j = 0; j < n; j++)
			if (strstr(all[i]->function, subs[j]))
				return all[i];
	return NULL;
}

static const struct oops_frame *first_module_frame(const struct oops_report *r)
{
	if (r->has_rip && r->rip.module[0])
		return &r->rip;
	for (int i = 0; i < r->nframes; i++)
		if (r->frames[i].module[0])
			return &r->frames[i];
	return NULL;
}

static const char *module_flags(const struct oops_report *r, const char *m)
{
	for (int i = 0; i < r->nmodules; i++)
		if (!strcmp(r->modules[i].name, m))
			return r->modules[i].flags;
	return NULL;
}

/* "out-of-tree module dirpro" / "module nx_crypto" */
static void describe_module(const struct oops_report *r, const char *m,
			    char *out, size_t sz)
{
	const char *fl = module_flags(r, m);

	if (fl && strpbrk(fl, "OEPUXCF"))
		xsnprintf(out, sz, "out-of-tree module %s", m);
	else
		xsnprintf(out, sz, "module %s", m);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && !strcmp(s + a - b, suffix);
}

static void set_class(struct oops_report *r, const char *name,
		      const char *reason)
{
	COPY(r->class_name, name);
	COPY(r->class_reason, reason);
	xsnprintf(r->reproducer, sizeof(r->reproducer), REPRO "%s", name);
}

/* 1. dirpro-kill: a lockup in a module's code reached from kill(2) */
static bool triage_dirpro(struct oops_report *r)
{
	static const char *const kill[] = {
		"sys_kill", "sys_tkill", "sys_tgkill", "kill_something_info",
		"kill_pid_info", "kill_proc_info", "security_task_kill",
		"task_kill",
	};
	const struct oops_frame *hook;
	const char *what, *where, *mod;
	char desc[128], reason[OOPS_TEXT_MAX];

	switch (r->kind) {
	case OOPS_KIND_SOFT_LOCKUP:
		what = "soft lockup";
		break;
	case OOPS_KIND_HARD_LOCKUP:
		what = "hard lockup";
		break;
	case OOPS_KIND_RCU_STALL:
		what = "RCU stall";
		break;
	default:
		return false;
	}
	if (r->has_rip && r->rip.module[0]) {
		where = "RIP";
		mod = r->rip.module;
	} else if (r->guilty_module[0]) {
		where = "guilty frame";
		mod = r->guilty_module;
	} else {
		return false;
	}
	hook = find_substr(r, kill, ARRAY_SIZE(kill));
	if (!hook)
		return false;
	describe_module(r, mod, desc, sizeof(desc));
	xsnprintf(reason, sizeof(reason), "%s whose %s is in %s reached from a kill hook",
		 what, where, desc);
	set_class(r, "dirpro-kill", reason);
	return true;
}

/* 2. elkeid-fput: a file's last reference dropped in a kprobe handler */
static bool triage_elkeid(struct oops_report *r)
{
	static const char *const probe[] = {
		"kprobe", "optimized_callback", "do_int3", "exc_int3",
	};
	static const char *const release[] = {
		"fput", "__fput", "____fput", "fput_many", "__fput_sync",
		"filp_close", "*_release", "*_release_file", "dput",
	};
	static const char *const buffer[] = {
		"__find_get_block", "lookup_bh_lru", "check_irqs_on",
		"__getblk*", "__bread*", "bdev_getblk",
	};
	const struct oops_frame *pf, *mf, *rf, *bf;
	char desc[128], reason[OOPS_TEXT_MAX];
	bool buf_bug;

	if (r->kind != OOPS_KIND_KERNEL_BUG &&
	    r->kind != OOPS_KIND_SLEEP_ATOMIC &&
	    r->kind != OOPS_KIND_SCHED_ATOMIC)
		return false;
	pf = find_substr(r, probe, ARRAY_SIZE(probe));
	mf = first_module_frame(r);
	if (!pf || !mf)
		return false;
	rf = NULL;
	for (int i = 0; i < r->nframes && !rf; i++) {
		const char *fn = r->frames[i].function;

		/* "*_release": the helper above only knows prefixes */
		if (!strcmp(fn, "fput") || !strcmp(fn, "__fput") ||
		    !strcmp(fn, "____fput") || !strcmp(fn, "fput_many") ||
		    !strcmp(fn, "__fput_sync") || !strcmp(fn, "filp_close") ||
		    ends_with(fn, "_release") || ends_with(fn, "_release_file"))
			rf = &r->frames[i];
	}
	(void)release;
	bf = find_frame(r, buffer, ARRAY_SIZE(buffer));
	buf_bug = r->kind == OOPS_KIND_KERNEL_BUG &&
		  (ends_with(r->src_file, "fs/buffer.c") || bf);
	describe_module(r, mf->module, desc, sizeof(desc));
	if (r->kind == OOPS_KIND_KERNEL_BUG) {
		if (!buf_bug)
			return false;
		xsnprintf(reason, sizeof(reason),
			 "kernel BUG at %s:%d (BUG_ON(irqs_disabled()) in the buffer cache) hit from a kprobe handler in %s%s%s: a file's last reference dropped with IRQs disabled",
			 r->src_file[0] ? r->src_file : "fs/buffer.c",
			 r->src_line, desc, rf ? " through " : "",
			 rf ? rf->function : "");
	} else {
		if (!rf && !bf)
			return false;
		xsnprintf(reason, sizeof(reason),
			 "%s%s in a kprobe handler of %s releasing a file (%s): the final fput ran in probe context",
			 r->kind == OOPS_KIND_SLEEP_ATOMIC ?
			 "sleeping function called" : "scheduling while atomic",
			 r->irqs_disabled == 1 ? " with IRQs disabled" : "",
			 desc, rf ? rf->function : bf->function);
	}
	set_class(r, "elkeid-fput", reason);
	return true;
}

/* 3. deepin-lsm: a module's init writes into read-only kernel memory */
static bool triage_deepin(struct oops_report *r)
{
	static const char *const init[] = {
		"do_init_module", "do_one_initcall", "load_module",
		"init_module", "__do_sys_finit_module", "__do_sys_init_module",
		"__x64_sys_finit_module", "__x64_sys_init_module",
		"sys_finit_module", "sys_init_module",
	};
	const char *mod, *fn;
	const struct oops_frame *in;
	char desc[128], reason[OOPS_TEXT_MAX], ec[32] = "";
	bool loader;

	if (r->kind != OOPS_KIND_PAGING && r->kind != OOPS_KIND_NULL_DEREF &&
	    r->kind != OOPS_KIND_OOPS)
		return false;
	if (r->fault.write != 1 || r->fault.protection != 1 ||
	    r->fault.user == 1)
		return false;
	if (r->has_rip && r->rip.module[0]) {
		mod = r->rip.module;
		fn = r->rip.function;
	} else if (r->guilty_module[0]) {
		mod = r->guilty_module;
		fn = r->guilty_function;
	} else {
		return false;
	}
	in = find_frame(r, init, ARRAY_SIZE(init));
	loader = !strcmp(r->comm, "insmod") || !strcmp(r->comm, "modprobe");
	if (!in && !loader)
		return false;
	describe_module(r, mod, desc, sizeof(desc));
	if (r->fault.error_code >= 0)
		xsnprintf(ec, sizeof(ec), " 0x%04lx", r->fault.error_code);
	xsnprintf(reason, sizeof(reason),
		 "write to read-only kernel memory%s%s (page fault error%s: protection violation, write, kernel mode) from %s (%s) during module init%s%s%s",
		 r->fault.address[0] ? " at " : "", r->fault.address, ec,
		 desc, fn, r->comm[0] ? " (" : "", r->comm,
		 r->comm[0] ? ")" : "");
	set_class(r, "deepin-lsm", reason);
	return true;
}

/* 4. afalg-shash: a tfm exit frees what it never allocated */
static bool triage_afalg(struct oops_report *r)
{
	static const char *const freeing[] = {
		"kfree", "kfree_sensitive", "kzfree", "__ksize", "ksize",
		"kmem_cache_free", "__kmem_cache_free", "slab_free*",
		"__slab_free", "free_large_kmalloc", "kvfree*", "__kfree*",
		"do_slab_free", "free_debug_processing",
	};
	static const char *const tfm[] = {
		"exit_tfm", "crypto_destroy_tfm", "crypto_exit_",
		"crypto_free_",
	};
	static const char *const alg[] = {
		"hash_release", "af_alg_release", "alg_sock_destruct",
		"hash_sock_destruct", "af_alg_",
	};
	const struct oops_frame *ff, *tf, *af, *mf = NULL;
	char desc[160] = "", reason[OOPS_TEXT_MAX], fr[160] = "";
	bool kasan_free;

	switch (r->kind) {
	case OOPS_KIND_PAGING: case OOPS_KIND_NULL_DEREF: case OOPS_KIND_GPF:
	case OOPS_KIND_KASAN: case OOPS_KIND_KFENCE: case OOPS_KIND_SLAB:
	case OOPS_KIND_KERNEL_BUG: case OOPS_KIND_WARNING:
	case OOPS_KIND_BAD_PAGE: case OOPS_KIND_OOPS:
		break;
	default:
		return false;
	}
	ff = find_frame(r, freeing, ARRAY_SIZE(freeing));
	kasan_free = (r->kind == OOPS_KIND_KASAN || r->kind == OOPS_KIND_KFENCE) &&
		     strstr(r->bug_type, "free");
	tf = find_substr(r, tfm, ARRAY_SIZE(tfm));
	af = find_substr(r, alg, ARRAY_SIZE(alg));
	if ((!ff && !kasan_free) || !tf || !af)
		return false;
	/* the exit function: the guilty frame, or the first module frame */
	mf = first_module_frame(r);
	if (r->guilty_module[0])
		describe_module(r, r->guilty_module, desc, sizeof(desc));
	else if (mf)
		describe_module(r, mf->module, desc, sizeof(desc));
	if (r->has_rip && r->has_lr &&
	    oops_frame_matches(r->rip.function, freeing, ARRAY_SIZE(freeing)) &&
	    oops_frame_matches(r->lr.function, freeing, ARRAY_SIZE(freeing)))
		xsnprintf(fr, sizeof(fr), "%s/%s", r->lr.function,
			 r->rip.function);
	else if (ff)
		xsnprintf(fr, sizeof(fr), "%s", ff->function);
	else
		xsnprintf(fr, sizeof(fr), "KASAN %s", r->bug_type);
	xsnprintf(reason, sizeof(reason),
		 "bad free (%s) from a crypto tfm exit (%s%s%s%s) while an AF_ALG socket was released (%s)",
		 fr, r->guilty_function[0] ? r->guilty_function : tf->function,
		 desc[0] ? " in " : "", desc, "", af->function);
	set_class(r, "afalg-shash", reason);
	return true;
}

static bool is_kmalloc32(const char *cache)
{
	return !strcmp(cache, "kmalloc-32") ||
	       (!strncmp(cache, "kmalloc-", 8) && ends_with(cache, "-32"));
}

/* a module frame among the SLUB report's allocation or main stack */
static const struct oops_frame *slab_module_frame(const struct oops_report *r)
{
	for (int i = 0; i < r->nalloc; i++)
		if (r->alloc_frames[i].module[0])
			return &r->alloc_frames[i];
	return first_module_frame(r);
}

/* 5. cifs-delim: a kmalloc-32 overflow, or its shm_file_data victim */
static bool triage_cifs(struct oops_report *r)
{
	static const char *const shm[] = { "shm_close", "__shm_close" };
	char reason[OOPS_TEXT_MAX], desc[128];
	const struct oops_frame *vf;

	vf = find_frame(r, shm, ARRAY_SIZE(shm));
	if ((r->kind == OOPS_KIND_KERNEL_BUG || r->kind == OOPS_KIND_WARNING ||
	     r->kind == OOPS_KIND_GPF || r->kind == OOPS_KIND_PAGING ||
	     r->kind == OOPS_KIND_NULL_DEREF || r->kind == OOPS_KIND_KASAN) &&
	    (oops_frame_matches(r->guilty_function, shm, ARRAY_SIZE(shm)) ||
	     (vf && ends_with(r->src_file, "ipc/shm.c")))) {
		char at[300] = "";

		if (r->src_file[0])
			xsnprintf(at, sizeof(at), " at %s:%d", r->src_file,
				 r->src_line);
		xsnprintf(reason, sizeof(reason),
			 "%s in %s%s: the shm_file_data (a kmalloc-32 object) of an exiting process was corrupted, the victim of an overflow from a neighbouring kmalloc-32 buffer",
			 oops_kind_name(r->kind), r->guilty_function, at);
		set_class(r, "cifs-delim", reason);
		return true;
	}
	if (r->kind == OOPS_KIND_KASAN &&
	    !strcmp(r->bug_type, "slab-out-of-bounds") &&
	    !strcmp(r->access, "Write") &&
	    (is_kmalloc32(r->slab_cache) ||
	     (!r->slab_cache[0] && r->access_size == 1)) &&
	    r->guilty_module[0]) {
		describe_module(r, r->guilty_module, desc, sizeof(desc));
		xsnprintf(reason, sizeof(reason),
			 "slab-out-of-bounds write of %ld byte(s) past a %s object by %s (%s): a string converted before it was NUL-terminated",
			 r->access_size, r->slab_cache[0] ? r->slab_cache :
			 "small slab", desc, r->guilty_function);
		set_class(r, "cifs-delim", reason);
		return true;
	}
	if (r->kind == OOPS_KIND_SLAB && is_kmalloc32(r->slab_cache) &&
	    (strstr(r->detail, "Redzone") || r->first_byte == 0x5c ||
	     ((strstr(r->detail, "Freepointer corrupt") ||
	       strstr(r->detail, "Poison overwritten") ||
	       strstr(r->detail, "Object corrupt") ||
	       strstr(r->detail, "Freechain corrupt")) &&
	      slab_module_frame(r)))) {
		char byte[64] = "";

		if (r->first_byte >= 0)
			xsnprintf(byte, sizeof(byte), " (first byte 0x%02x%s)",
				 r->first_byte,
				 r->first_byte == 0x5c ? ", a '\\' delimiter" : "");
		{
			const struct oops_frame *mf = slab_module_frame(r);
			char by[160] = "";

			if (mf) {
				char fn[OOPS_FUNC_MAX];

				oops_normalize_function(mf->function, fn,
							sizeof(fn));
				describe_module(r, mf->module, desc,
						sizeof(desc));
				xsnprintf(by, sizeof(by),
					  " allocated by %s (%s)", desc, fn);
			}
			xsnprintf(reason, sizeof(reason),
				  "SLUB %s: %s%s: a write past the end of a 32-byte object%s",
				  r->slab_cache, r->detail, byte, by);
		}
		set_class(r, "cifs-delim", reason);
		return true;
	}
	return false;
}

void oops_triage(struct oops_report *r)
{
	char reason[OOPS_TEXT_MAX];

	r->class_name[0] = '\0';
	r->class_reason[0] = '\0';
	r->reproducer[0] = '\0';
	if (triage_dirpro(r) || triage_elkeid(r) || triage_deepin(r) ||
	    triage_afalg(r) || triage_cifs(r))
		return;
	if (r->kind == OOPS_KIND_HUNG_TASK && !first_module_frame(r))
		xsnprintf(reason, sizeof(reason),
			 "no failure class: hung task blocked in %s with no frame from a module (often a secondary symptom of a lockup elsewhere)",
			 r->guilty_function[0] ? r->guilty_function : "?");
	else
		xsnprintf(reason, sizeof(reason),
			 "no failure class: this %s matches none of the oopslab signatures",
			 oops_kind_name(r->kind));
	COPY(r->class_reason, reason);
}
