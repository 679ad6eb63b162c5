// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  An ahash driver whose exit
 * hands its context, through a void * local, to a common helper typed for
 * the tfm.
 */
#include <crypto/internal/hash.h>
#include <linux/slab.h>

struct hw_hash_ctx {
	void *dma_buf;
	int engine;
};

static void hw_common_exit(struct crypto_tfm *tfm)
{
	struct hw_hash_ctx *c = crypto_tfm_ctx(tfm);

	kfree(c->dma_buf);
}

static int hw_ahash_init_tfm(struct crypto_ahash *tfm)
{
	struct hw_hash_ctx *c = crypto_ahash_ctx(tfm);

	c->dma_buf = kmalloc(4096, GFP_KERNEL);
	return c->dma_buf ? 0 : -ENOMEM;
}

static void hw_ahash_exit_tfm(struct crypto_ahash *tfm)
{
	void *ctx = crypto_ahash_ctx(tfm);

	hw_common_exit(ctx); /* oopslab-expect: afalg-shash */
}

static struct ahash_alg hw_sha1 = {
	.init_tfm = hw_ahash_init_tfm,
	.exit_tfm = hw_ahash_exit_tfm,
};
