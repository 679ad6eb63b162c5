// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  Reduced from a false
 * positive in Linux 6.12's drivers/crypto/atmel-sha.c: init only clears
 * the key; setkey duplicates a long key; exit frees the duplicate, which
 * is NULL until setkey ran.
 */
#include <crypto/internal/hash.h>
#include <linux/slab.h>
#include <linux/string.h>

struct hmac_key {
	unsigned int len;
	u8 small[64];
	u8 *dup;
};

struct hmac_ctx {
	struct hmac_key key;
};

static int hw_hmac_setkey(struct crypto_ahash *tfm, const u8 *key,
			  unsigned int len)
{
	struct hmac_ctx *c = crypto_ahash_ctx(tfm);

	if (len > sizeof(c->key.small)) {
		c->key.dup = kmemdup(key, len, GFP_KERNEL);
		if (!c->key.dup)
			return -ENOMEM;
	} else {
		memcpy(c->key.small, key, len);
	}
	c->key.len = len;
	return 0;
}

static int hw_hmac_cra_init(struct crypto_tfm *tfm)
{
	struct hmac_ctx *c = crypto_tfm_ctx(tfm);

	memset(&c->key, 0, sizeof(c->key));
	c->key.dup = NULL;
	return 0;
}

static void hw_hmac_cra_exit(struct crypto_tfm *tfm)
{
	struct hmac_ctx *c = crypto_tfm_ctx(tfm);

	kfree(c->key.dup);
}

static struct crypto_alg hw_hmac_base = {
	.cra_ctxsize	= sizeof(struct hmac_ctx),
	.cra_init	= hw_hmac_cra_init,
	.cra_exit	= hw_hmac_cra_exit,
};

int (*hw_hmac_setkey_fn)(struct crypto_ahash *, const u8 *, unsigned int) =
	hw_hmac_setkey;
