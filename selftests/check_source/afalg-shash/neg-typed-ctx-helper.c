// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  The fix: the helper is
 * typed for the context it is given, and exit frees what init allocated.
 */
#include <crypto/internal/hash.h>
#include <linux/slab.h>

struct acc_ctx {
	u8 *kmem;
};

static void acc_ctx_free(struct acc_ctx *ctx)
{
	kfree_sensitive(ctx->kmem);
	ctx->kmem = NULL;
}

static int acc_init_tfm(struct crypto_shash *tfm)
{
	struct acc_ctx *ctx = crypto_shash_ctx(tfm);

	ctx->kmem = kmalloc(512, GFP_KERNEL);
	return ctx->kmem ? 0 : -ENOMEM;
}

static void acc_exit_tfm(struct crypto_shash *tfm)
{
	acc_ctx_free(crypto_shash_ctx(tfm));
}

static struct shash_alg acc_alg = {
	.init_tfm	= acc_init_tfm,
	.exit_tfm	= acc_exit_tfm,
	.base		= { .cra_ctxsize = sizeof(struct acc_ctx) },
};
