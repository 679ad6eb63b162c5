// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  A helper typed for the tfm
 * is given the tfm (crypto_shash_tfm()), and finds the context itself.
 */
#include <crypto/internal/hash.h>
#include <linux/slab.h>

struct md_ctx {
	void *state;
};

static void md_common_exit(struct crypto_tfm *tfm)
{
	struct md_ctx *c = crypto_tfm_ctx(tfm);

	kfree(c->state);
}

static int md_init_tfm(struct crypto_shash *tfm)
{
	struct md_ctx *c = crypto_shash_ctx(tfm);

	c->state = kzalloc(64, GFP_KERNEL);
	return c->state ? 0 : -ENOMEM;
}

static void md_exit_tfm(struct crypto_shash *tfm)
{
	md_common_exit(crypto_shash_tfm(tfm));
}

static struct shash_alg md_alg = {
	.init_tfm = md_init_tfm,
	.exit_tfm = md_exit_tfm,
};
