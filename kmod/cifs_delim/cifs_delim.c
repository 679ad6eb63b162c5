// SPDX-License-Identifier: GPL-2.0
/*
 * cifs_delim: cifs_build_path_to_root() as Linux 3.1 to 3.7 had it.
 *
 * The function allocated tree name + prefix path + 1 bytes, copied both
 * without their NUL, converted '/' to '\\' with convert_delimiter() (which
 * walks until a NUL) and only then stored the NUL.  The walk therefore ran
 * over the byte after the copy, which was not yet written, and on into the
 * next slab object until it met a zero byte, turning every 0x2f into 0x5c.
 * In the field (SLES 11 SP4, 3.0.101) the next object was a shm_file_data
 * whose id went from 0x00c6802f to 0x00c6805c, and shm_close() BUG()ed at
 * process exit.
 *
 * Userspace writes "TREE PREFIX" to /sys/kernel/debug/cifs_delim/path_to_root;
 * reading the file returns the counters.  mode=buggy converts, then
 * terminates (3.1-3.7); mode=fixed terminates, then converts (3.8 on);
 * mode=off (the default) refuses every write.  max_calls bounds the writes
 * accepted.  tree + prefix must be 16..31 bytes, so that the buffer comes
 * from kmalloc-32, the cache of struct shm_file_data.
 *
 * Where the smallest kmalloc cache is bigger than 32 bytes (arm64 6.1:
 * kmalloc-128, KMALLOC_MIN_SIZE = ARCH_DMA_MINALIGN), the victim is in
 * that one, with 96 bytes of its own slot after it; a 31-byte path there
 * would end in the middle of its slot, and the walk in the slot's zeroed
 * tail.  So the module derives the victim's slot size and lengthens the
 * DFS tree name by a server name of the difference: a 31-byte path from
 * userspace then fills the victim's slot to its last byte, as it fills
 * kmalloc-32 where that is the victim's cache (x86_64, ppc64: no padding).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "compat.h"

#define CIFS_DELIM_MIN_LEN	16	/* kmalloc(17) is the smallest in kmalloc-32 */
#define CIFS_DELIM_MAX_LEN	31	/* kmalloc(32) is the largest */
#define CIFS_DELIM_INPUT_MAX	128
#define CIFS_DELIM_REPORTS	8	/* overflowing calls logged one by one */
/* The longest server name the padding may need (a 256-byte slot). */
#define CIFS_DELIM_PAD_MAX	(256 - CIFS_DELIM_MAX_LEN - 1)

/*
 * The victim, struct shm_file_data of ipc/shm.c (private there): what
 * do_shmat() kzalloc()s.  32 bytes on 64-bit.
 */
struct cifs_delim_victim {
	int id;
	void *ns;
	void *file;
	const void *vm_ops;
};

static char *mode = "off";
module_param(mode, charp, 0444);
MODULE_PARM_DESC(mode, "off (default: refuse writes), buggy (convert, then terminate) or fixed (terminate, then convert)");

static unsigned int max_calls = 1000;
module_param(max_calls, uint, 0444);
MODULE_PARM_DESC(max_calls, "number of path-to-root builds accepted (default 1000)");

/*
 * Where freed objects are not reused at once (KASAN's quarantine) the
 * buffer's last byte is rarely stale.  stale_byte stores a value there
 * before the copy, as a previous user of the slot would have left it.
 */
static int stale_byte = -1;
module_param(stale_byte, int, 0444);
MODULE_PARM_DESC(stale_byte, "-1 (default): the last byte is what the allocator left; 0..255: emulate that byte (logged)");

enum cifs_delim_mode { CIFS_DELIM_OFF, CIFS_DELIM_BUGGY, CIFS_DELIM_FIXED };

static enum cifs_delim_mode cifs_delim_mode;
static struct dentry *cifs_delim_dir;
static DEFINE_MUTEX(cifs_delim_lock);

/* The victim's slot size, and the server name that makes up the difference. */
static size_t cifs_delim_slot;
static size_t cifs_delim_pad;
/* Under cifs_delim_lock: the padded tree name (not on the heap: no slab noise). */
static char cifs_delim_tree[CIFS_DELIM_PAD_MAX + CIFS_DELIM_INPUT_MAX];

/* Counters, under cifs_delim_lock. */
static unsigned int calls;		/* builds done */
static unsigned int stale_nonzero;	/* the byte after the copy was not 0 */
static unsigned int overflow_calls;	/* builds that rewrote a byte outside */
static unsigned int outside_rewrites;	/* bytes rewritten outside, in total */

/*
 * convert_delimiter() of cifs: replace every '/' by '\\' (or the reverse)
 * up to the first NUL.  cifs writes the walk with strchr(); this byte loop
 * is the same walk, and KASAN sees its reads.  The walk knows nothing of
 * the buffer's size: @size only counts the rewrites beyond it, for the
 * report.
 */
static noinline unsigned int cifs_delim_convert(char *path, char delim,
						size_t size)
{
	char old_delim = delim == '/' ? '\\' : '/';
	unsigned int outside = 0;
	size_t i;

	for (i = 0; path[i] != '\0'; i++) {
		if (path[i] == old_delim) {
			path[i] = delim;
			if (i >= size)
				outside++;
		}
	}
	return outside;
}

/*
 * What cifs_build_path_to_root() did first, in 3.1-3.7 and after: allocate
 * tree name + prefix path + 1 and copy both without their NULs (3.x used
 * strncpy(dst, src, strlen(src)), which is this memcpy).  full_path[len] is
 * left unwritten; *stale is what is there, for the report only.
 */
static char *cifs_delim_alloc_copy(const char *tree, size_t dfsplen,
				   const char *prepath, size_t pplen, u8 *stale)
{
	char *full_path;

	full_path = kmalloc(dfsplen + pplen + 1, GFP_KERNEL);
	if (!full_path)
		return NULL;
	if (stale_byte >= 0)
		full_path[dfsplen + pplen] = stale_byte;

	if (dfsplen)
		memcpy(full_path, tree, dfsplen);
	memcpy(full_path + dfsplen, prepath, pplen);
	*stale = full_path[dfsplen + pplen];
	return full_path;
}

/*
 * 3.1-3.7: convert_delimiter() reads full_path[len], and whatever follows
 * it, before the NUL is stored.
 */
static noinline char *cifs_delim_build_buggy(const char *tree, size_t dfsplen,
					     const char *prepath, size_t pplen,
					     u8 *stale, unsigned int *outside)
{
	char *full_path = cifs_delim_alloc_copy(tree, dfsplen, prepath, pplen,
						stale);

	if (!full_path)
		return NULL;
	*outside = cifs_delim_convert(full_path, '\\', dfsplen + pplen + 1);
	full_path[dfsplen + pplen] = 0;	/* add trailing null: too late */
	return full_path;
}

/* The fix (3.8): terminate first, so the walk ends inside the buffer. */
static noinline char *cifs_delim_build_fixed(const char *tree, size_t dfsplen,
					     const char *prepath, size_t pplen,
					     u8 *stale, unsigned int *outside)
{
	char *full_path = cifs_delim_alloc_copy(tree, dfsplen, prepath, pplen,
						stale);

	if (!full_path)
		return NULL;
	full_path[dfsplen + pplen] = 0;
	*outside = cifs_delim_convert(full_path, '\\', dfsplen + pplen + 1);
	return full_path;
}

static int cifs_delim_build(const char *tree, const char *prepath)
{
	size_t dfsplen = strlen(tree), pplen = strlen(prepath);
	size_t size;
	unsigned int outside = 0;
	char *full_path;
	u8 stale = 0;

	if (dfsplen + pplen < CIFS_DELIM_MIN_LEN ||
	    dfsplen + pplen > CIFS_DELIM_MAX_LEN)
		return -EINVAL;
	if (cifs_delim_pad) {
		/* "\\\\sss...s" + tree: fills the victim's slot (see the top) */
		memset(cifs_delim_tree, 's', cifs_delim_pad);
		cifs_delim_tree[0] = '\\';
		cifs_delim_tree[1] = '\\';
		strscpy(cifs_delim_tree + cifs_delim_pad, tree,
			sizeof(cifs_delim_tree) - cifs_delim_pad);
		tree = cifs_delim_tree;
		dfsplen += cifs_delim_pad;
	}
	size = dfsplen + pplen + 1;
	if (calls >= max_calls) {
		pr_info_once("max_calls=%u reached, refusing further builds\n",
			     max_calls);
		return -ENOSPC;
	}
	calls++;

	if (cifs_delim_mode == CIFS_DELIM_BUGGY) {
		if (calls == 1)
			pr_info("building '%s' + '%s' in %zu bytes: convert, then terminate (3.1-3.7)\n",
				tree, prepath, size);
		full_path = cifs_delim_build_buggy(tree, dfsplen, prepath,
						   pplen, &stale, &outside);
	} else {
		if (calls == 1)
			pr_info("building '%s' + '%s' in %zu bytes: terminate, then convert (3.8)\n",
				tree, prepath, size);
		full_path = cifs_delim_build_fixed(tree, dfsplen, prepath,
						   pplen, &stale, &outside);
	}
	if (!full_path)
		return -ENOMEM;

	if (stale)
		stale_nonzero++;
	if (outside) {
		overflow_calls++;
		outside_rewrites += outside;
		if (cifs_delim_mode == CIFS_DELIM_FIXED)
			pr_err("FAIL: call %u: the fixed build rewrote %u byte(s) past the buffer\n",
			       calls, outside);
		else if (overflow_calls <= CIFS_DELIM_REPORTS)
			pr_info("call %u: byte [%zu] after the copy was 0x%02x, convert_delimiter rewrote %u '/' past the %zu-byte buffer%s\n",
				calls, size - 1, stale, outside, size,
				overflow_calls == CIFS_DELIM_REPORTS ?
				" (further ones are only counted)" : "");
	}
	kfree(full_path);
	return 0;
}

static ssize_t cifs_delim_write(struct file *file, const char __user *ubuf,
				size_t count, loff_t *ppos)
{
	char buf[CIFS_DELIM_INPUT_MAX];
	char *tree, *prepath;
	int ret;

	if (cifs_delim_mode == CIFS_DELIM_OFF)
		return -EPERM;
	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';

	/* "TREE PREFIX": the DFS tree name and the prefix path */
	prepath = strim(buf);
	tree = strsep(&prepath, " ");
	if (!prepath)
		return -EINVAL;
	prepath = skip_spaces(prepath);

	mutex_lock(&cifs_delim_lock);
	ret = cifs_delim_build(tree, prepath);
	mutex_unlock(&cifs_delim_lock);

	return ret ? ret : count;
}

static ssize_t cifs_delim_read(struct file *file, char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	char buf[128];
	int len;

	mutex_lock(&cifs_delim_lock);
	len = scnprintf(buf, sizeof(buf),
			"mode=%s calls=%u stale_nonzero=%u overflow_calls=%u outside_rewrites=%u\n",
			mode, calls, stale_nonzero, overflow_calls,
			outside_rewrites);
	mutex_unlock(&cifs_delim_lock);

	return simple_read_from_buffer(ubuf, count, ppos, buf, len);
}

static const struct file_operations cifs_delim_fops = {
	.owner	= THIS_MODULE,
	.read	= cifs_delim_read,
	.write	= cifs_delim_write,
	.llseek	= default_llseek,
};

static int __init cifs_delim_init(void)
{
	if (!strcmp(mode, "off")) {
		cifs_delim_mode = CIFS_DELIM_OFF;
	} else if (!strcmp(mode, "buggy")) {
		cifs_delim_mode = CIFS_DELIM_BUGGY;
	} else if (!strcmp(mode, "fixed")) {
		cifs_delim_mode = CIFS_DELIM_FIXED;
	} else {
		pr_err("unknown mode '%s' (off, buggy, fixed)\n", mode);
		return -EINVAL;
	}
	if (stale_byte < -1 || stale_byte > 255) {
		pr_err("stale_byte=%d: -1 or 0..255\n", stale_byte);
		return -EINVAL;
	}
	if (stale_byte >= 0)
		pr_info("stale_byte=0x%02x: every buffer's last byte is set to it before the copy, emulating what a previous user of the slot left\n",
			stale_byte);

	cifs_delim_slot = cifs_delim_slot_size(sizeof(struct cifs_delim_victim));
	if (cifs_delim_slot < CIFS_DELIM_MAX_LEN + 1 ||
	    cifs_delim_slot - CIFS_DELIM_MAX_LEN - 1 > CIFS_DELIM_PAD_MAX) {
		pr_err("the victim's kmalloc slot is %zu bytes: cannot pad a path to it\n",
		       cifs_delim_slot);
		return -EOPNOTSUPP;
	}
	cifs_delim_pad = cifs_delim_slot - CIFS_DELIM_MAX_LEN - 1;
	if (cifs_delim_pad)
		pr_info("the victim (shm_file_data, %zu bytes) is in kmalloc-%zu: tree names get a %zu-byte server name in front, so that a %u-byte path fills the slot\n",
			sizeof(struct cifs_delim_victim), cifs_delim_slot,
			cifs_delim_pad, CIFS_DELIM_MAX_LEN);

	cifs_delim_dir = debugfs_create_dir(KBUILD_MODNAME, NULL);
	debugfs_create_file("path_to_root", 0600, cifs_delim_dir, NULL,
			    &cifs_delim_fops);
	pr_info("mode=%s max_calls=%u: write \"TREE PREFIX\" to /sys/kernel/debug/%s/path_to_root\n",
		mode, max_calls, KBUILD_MODNAME);
	return 0;
}

static void __exit cifs_delim_exit(void)
{
	debugfs_remove(cifs_delim_dir);
	pr_info("unloaded: calls=%u stale_nonzero=%u overflow_calls=%u outside_rewrites=%u\n",
		calls, stale_nonzero, overflow_calls, outside_rewrites);
}

module_init(cifs_delim_init);
module_exit(cifs_delim_exit);

MODULE_DESCRIPTION("oopslab: cifs_build_path_to_root() converting delimiters before NUL-terminating");
MODULE_LICENSE("GPL");

#if IS_ENABLED(CONFIG_KUNIT)
#include "cifs_delim_kunit.c"
#endif
