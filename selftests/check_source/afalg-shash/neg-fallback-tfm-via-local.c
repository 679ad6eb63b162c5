// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  Reduced from false
 * positives in Linux 6.12's drivers/crypto (padlock-sha, n2_core, ccp):
 * init allocates the fallback into a local, checks it, then stores it;
 * exit frees it.
 */
#include <crypto/internal/hash.h>

struct pl_ctx {
	struct crypto_shash *fallback;
};

static int pl_init_tfm(struct crypto_shash *hash)
{
	struct pl_ctx *ctx = crypto_shash_ctx(hash);
	struct crypto_shash *fb;

	fb = crypto_alloc_shash("sha1-generic", 0, CRYPTO_ALG_NEED_FALLBACK);
	if (IS_ERR(fb))
		return PTR_ERR(fb);
	ctx->fallback = fb;
	return 0;
}

static void pl_exit_tfm(struct crypto_shash *hash)
{
	struct pl_ctx *ctx = crypto_shash_ctx(hash);

	crypto_free_shash(ctx->fallback);
}

static struct shash_alg pl_alg = {
	.init_tfm = pl_init_tfm,
	.exit_tfm = pl_exit_tfm,
};
