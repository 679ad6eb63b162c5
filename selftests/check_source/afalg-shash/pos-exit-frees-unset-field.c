// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  cra_exit frees a buffer
 * that cra_init never allocates (a later setkey may, or may not).
 */
#include <linux/crypto.h>
#include <linux/slab.h>

struct ecb_hw_ctx {
	u8 *key_copy;
	u8 *bounce;
	unsigned int keylen;
};

static int ecb_hw_cra_init(struct crypto_tfm *tfm)
{
	struct ecb_hw_ctx *c = crypto_tfm_ctx(tfm);

	c->bounce = kzalloc(PAGE_SIZE, GFP_KERNEL);
	return c->bounce ? 0 : -ENOMEM;
}

static void ecb_hw_cra_exit(struct crypto_tfm *tfm)
{
	struct ecb_hw_ctx *c = crypto_tfm_ctx(tfm);

	kfree(c->bounce);
	kfree_sensitive(c->key_copy); /* oopslab-expect: afalg-shash */
}

static struct crypto_alg ecb_hw_alg = {
	.cra_name	= "ecb(hwcipher)",
	.cra_ctxsize	= sizeof(struct ecb_hw_ctx),
	.cra_init	= ecb_hw_cra_init,
	.cra_exit	= ecb_hw_cra_exit,
};
