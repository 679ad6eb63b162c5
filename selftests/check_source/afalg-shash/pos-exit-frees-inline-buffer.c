// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  cra_init once allocated the
 * bounce buffer; now it points it at storage inside the context, and
 * cra_exit still kfree()s it: a free of memory nobody allocated.
 */
#include <linux/crypto.h>
#include <linux/slab.h>

struct ecb_hw_ctx {
	u8 *bounce;
	u8 inline_buf[64];
	unsigned int keylen;
};

static int ecb_hw_cra_init(struct crypto_tfm *tfm)
{
	struct ecb_hw_ctx *c = crypto_tfm_ctx(tfm);

	c->bounce = c->inline_buf;
	c->keylen = 0;
	return 0;
}

static void ecb_hw_cra_exit(struct crypto_tfm *tfm)
{
	struct ecb_hw_ctx *c = crypto_tfm_ctx(tfm);

	kfree(c->bounce); /* oopslab-expect: afalg-shash */
}

static struct crypto_alg ecb_hw_alg = {
	.cra_name	= "ecb(hwcipher)",
	.cra_ctxsize	= sizeof(struct ecb_hw_ctx),
	.cra_init	= ecb_hw_cra_init,
	.cra_exit	= ecb_hw_cra_exit,
};
