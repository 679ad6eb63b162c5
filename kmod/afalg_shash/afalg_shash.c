// SPDX-License-Identifier: GPL-2.0
/*
 * afalg_shash - the shash exit_tfm that frees a pointer it never allocated
 *
 * Field: util-linux hardlink oopsed in close() on a Gentoo ppc64 6.18
 * kernel.  nx_crypto's shash exit_tfm passed crypto_shash_ctx(tfm), a ctx
 * pointer, to a helper taking a struct crypto_tfm *; the helper applied
 * crypto_tfm_ctx() a second time and kfree_sensitive()d a "kmem" field
 * read 32 bytes past the real ctx.  void * made the mismatch compile
 * silently.  Fixed upstream by 4e67f504ee9d ("crypto: nx - fix
 * nx_crypto_ctx_exit argument").
 *
 * This module registers a SHA-256 shash whose init_tfm allocates per-tfm
 * memory into its ctx and whose exit_tfm frees it:
 *
 *   mode=off    (default) register nothing
 *   mode=buggy  exit_tfm repeats nx's confusion: closing an AF_ALG hash
 *               socket bound to the algorithm faults in kfree_sensitive()
 *   mode=fixed  exit_tfm frees exactly what init_tfm allocated
 *
 * The digests themselves come from the kernel's SHA-256 library, so they
 * are right in every mode.  The read-only parameter "digests" counts the
 * digests this algorithm served, which shows it (not sha256-generic) did
 * the work.
 *
 * cra_name defaults to a name testmgr has no vectors for.  With "sha256",
 * the crypto manager self-tests the algorithm at registration: it
 * allocates and frees tfms, so mode=buggy would oops in insmod's wait for
 * the test (Comm: cryptomgr_test), not from userspace.  nx's bug survived
 * to userspace on 6.18 because CONFIG_CRYPTO_SELFTESTS is off by default
 * there.  mode=fixed cra_name=sha256 is safe and lets a plain bind to
 * "sha256", as hardlink does, pick this driver by priority.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <crypto/internal/hash.h>
#include <linux/atomic.h>
#include <linux/build_bug.h>
#include <linux/crypto.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include "compat.h"

#define AFALG_SHASH_DRIVER	"sha256-oopslab"
/* Above sha256-generic (100), -ssse3..-avx2 (150..170), -ni (250), 6.18 -lib (300) */
#define AFALG_SHASH_PRIORITY	400
/* nx keeps its CSB/CPB and scatter lists here; we only allocate it. */
#define AFALG_SHASH_KMEM_SIZE	256

static char *mode = "off";
module_param(mode, charp, 0444);
MODULE_PARM_DESC(mode, "off (default): nothing registered; buggy: exit_tfm frees a garbage pointer; fixed: exit_tfm frees what init_tfm allocated");

static char *cra_name = "oopslab-sha256";
module_param(cra_name, charp, 0444);
MODULE_PARM_DESC(cra_name, "algorithm name (default oopslab-sha256, no self-test vectors); sha256 only with mode=fixed");

static atomic_long_t digests = ATOMIC_LONG_INIT(0);

static int digests_set(const char *val, const struct kernel_param *kp)
{
	return -EPERM;
}

static int digests_get(char *buffer, const struct kernel_param *kp)
{
	return sysfs_emit(buffer, "%ld\n", atomic_long_read(&digests));
}

static const struct kernel_param_ops digests_ops = {
	.set = digests_set,
	.get = digests_get,
};
module_param_cb(digests, &digests_ops, NULL, 0444);
MODULE_PARM_DESC(digests, "digests served by this module's algorithm (read-only)");

/*
 * The IV is handed to the "device", so it is DMA-aligned as the tfm's ctx
 * itself is: CRYPTO_MINALIGN, 8 on x86_64 and ppc64, 128 on arm64
 * (ARCH_DMA_MINALIGN).  That keeps the confused read below inside iv[] on
 * each of them.
 */
struct afalg_shash_ctx {
	u8 *kmem;		/* allocated by init_tfm, freed by exit_tfm */
	/* initial state handed to the "device" */
	u32 iv[SHA256_DIGEST_SIZE / 4] CRYPTO_MINALIGN_ATTR;
};

/*
 * The confused helper reads kmem at ctx + offsetof(crypto_tfm, __crt_ctx)
 * (32 bytes on x86_64 and ppc64 6.1 and 6.12, 128 on arm64).  Keep that
 * read inside our own ctx, on iv[]: it then lands on two words of the
 * SHA-256 IV, iv[6..7] = SHA256_H6 | SHA256_H7 << 32 = 0x5be0cd191f83d9ab
 * on x86_64 and ppc64le, iv[0..1] = SHA256_H0 | SHA256_H1 << 32 =
 * 0xbb67ae856a09e667 on arm64: non-NULL, no kernel address and the same
 * on every run, and not itself an out-of-bounds read under KASAN.
 */
#define AFALG_SHASH_CONFUSED_OFF	(offsetof(struct crypto_tfm, __crt_ctx) + \
					 offsetof(struct afalg_shash_ctx, kmem))
/* The index in iv[] of the first of the two words read. */
#define AFALG_SHASH_CONFUSED_IV	((AFALG_SHASH_CONFUSED_OFF - \
				  offsetof(struct afalg_shash_ctx, iv)) / sizeof(u32))
static_assert(offsetof(struct afalg_shash_ctx, iv) <= AFALG_SHASH_CONFUSED_OFF);
static_assert(AFALG_SHASH_CONFUSED_OFF % sizeof(u32) == 0);
static_assert(AFALG_SHASH_CONFUSED_OFF + sizeof(void *) <=
	      offsetof(struct afalg_shash_ctx, iv) +
	      sizeof_field(struct afalg_shash_ctx, iv));

static const u32 afalg_shash_h0[SHA256_DIGEST_SIZE / 4] = {
	SHA256_H0, SHA256_H1, SHA256_H2, SHA256_H3,
	SHA256_H4, SHA256_H5, SHA256_H6, SHA256_H7,
};

static int afalg_shash_init_tfm(struct crypto_shash *tfm)
{
	struct afalg_shash_ctx *ctx = crypto_shash_ctx(tfm);

	ctx->kmem = kzalloc(AFALG_SHASH_KMEM_SIZE, GFP_KERNEL);
	if (!ctx->kmem)
		return -ENOMEM;
	memcpy(ctx->iv, afalg_shash_h0, sizeof(ctx->iv));
	return 0;
}

/* buggy: the helper is typed for a tfm, like nx_crypto_ctx_exit() ... */
static noinline void afalg_shash_ctx_exit(struct crypto_tfm *tfm)
{
	struct afalg_shash_ctx *ctx = crypto_tfm_ctx(tfm);

	kfree_sensitive(ctx->kmem);
	ctx->kmem = NULL;
}

/* ... and is handed the ctx: crypto_shash_ctx() returns void *, no warning. */
static noinline void afalg_shash_exit_tfm_buggy(struct crypto_shash *tfm)
{
	pr_info("exit_tfm: passing the ctx as a tfm; kfree_sensitive() of a value %zu bytes past the ctx\n",
		offsetof(struct crypto_tfm, __crt_ctx));
	afalg_shash_ctx_exit(crypto_shash_ctx(tfm));
	pr_err("FAIL: kfree_sensitive() of a pointer never allocated returned\n");
}

/* fixed: a helper typed for what it is given, NULL-safe. */
static noinline void afalg_shash_ctx_free(struct afalg_shash_ctx *ctx)
{
	kfree_sensitive(ctx->kmem);
	ctx->kmem = NULL;
}

static noinline void afalg_shash_exit_tfm_fixed(struct crypto_shash *tfm)
{
	afalg_shash_ctx_free(crypto_shash_ctx(tfm));
}

static int afalg_shash_init(struct shash_desc *desc)
{
	const struct afalg_shash_ctx *ctx = crypto_shash_ctx(desc->tfm);
	struct sha256_state *sctx = shash_desc_ctx(desc);

	memcpy(sctx->state, ctx->iv, sizeof(sctx->state));
	sctx->count = 0;
	return 0;
}

static int afalg_shash_update(struct shash_desc *desc, const u8 *data,
			      unsigned int len)
{
	sha256_update(shash_desc_ctx(desc), data, len);
	return 0;
}

/* Every digest, whichever path produced it (digest, finup, recvmsg), ends here. */
static int afalg_shash_final(struct shash_desc *desc, u8 *out)
{
	sha256_final(shash_desc_ctx(desc), out);
	atomic_long_inc(&digests);
	return 0;
}

static struct shash_alg afalg_shash_alg = {
	.digestsize	= SHA256_DIGEST_SIZE,
	.init_tfm	= afalg_shash_init_tfm,
	/* .exit_tfm is chosen by mode at load time */
	.init		= afalg_shash_init,
	.update		= afalg_shash_update,
	.final		= afalg_shash_final,
	.descsize	= sizeof(struct sha256_state),
	.base		= {
		.cra_driver_name = AFALG_SHASH_DRIVER,
		.cra_priority	 = AFALG_SHASH_PRIORITY,
		.cra_blocksize	 = SHA256_BLOCK_SIZE,
		.cra_ctxsize	 = sizeof(struct afalg_shash_ctx),
		.cra_module	 = THIS_MODULE,
	},
};

static bool registered;

static int __init afalg_shash_mod_init(void)
{
	bool buggy;
	int err;

	if (!strcmp(mode, "off")) {
		pr_info("mode=off: nothing registered\n");
		return 0;
	}
	if (!strcmp(mode, "buggy")) {
		buggy = true;
	} else if (!strcmp(mode, "fixed")) {
		buggy = false;
	} else {
		pr_err("mode=%s: expected off, buggy or fixed\n", mode);
		return -EINVAL;
	}

	if (strscpy(afalg_shash_alg.base.cra_name, cra_name,
		    sizeof(afalg_shash_alg.base.cra_name)) < 1) {
		pr_err("cra_name=%s: empty or too long\n", cra_name);
		return -EINVAL;
	}
	if (buggy && !strcmp(cra_name, "sha256"))
		pr_warn("mode=buggy cra_name=sha256: unless self-tests are off (cryptomgr.notests=1), their tfm free oopses now in cryptomgr_test\n");

	afalg_shash_alg.exit_tfm = buggy ? afalg_shash_exit_tfm_buggy :
					   afalg_shash_exit_tfm_fixed;
	err = crypto_register_shash(&afalg_shash_alg);
	if (err) {
		pr_err("crypto_register_shash(%s): %d\n", AFALG_SHASH_DRIVER, err);
		return err;
	}
	registered = true;
	pr_info("mode=%s: registered %s (driver %s, priority %d)\n", mode,
		afalg_shash_alg.base.cra_name, AFALG_SHASH_DRIVER,
		AFALG_SHASH_PRIORITY);
	return 0;
}
module_init(afalg_shash_mod_init);

static void __exit afalg_shash_mod_exit(void)
{
	if (registered)
		crypto_unregister_shash(&afalg_shash_alg);
	pr_info("unloaded after %ld digests\n", atomic_long_read(&digests));
}
module_exit(afalg_shash_mod_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("oopslab: AF_ALG shash whose exit_tfm frees a pointer it never allocated");

#if IS_ENABLED(CONFIG_KUNIT)
#include "afalg_shash_kunit.c"
#endif
