// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  cra_init allocates through
 * a helper of the file; cra_exit frees the same fields, and memcpy()s
 * into the context (a ctx passed where a void * is expected is fine).
 */
#include <linux/crypto.h>
#include <linux/slab.h>
#include <linux/string.h>

struct cbc_ctx {
	u8 *iv_buf;
	struct crypto_cipher *child;
};

static int cbc_alloc(struct cbc_ctx *c)
{
	c->iv_buf = kmalloc(16, GFP_KERNEL);
	if (!c->iv_buf)
		return -ENOMEM;
	c->child = crypto_alloc_cipher("aes", 0, 0);
	return PTR_ERR_OR_ZERO(c->child);
}

static int cbc_cra_init(struct crypto_tfm *tfm)
{
	memset(crypto_tfm_ctx(tfm), 0, sizeof(struct cbc_ctx));
	return cbc_alloc(crypto_tfm_ctx(tfm));
}

static void cbc_cra_exit(struct crypto_tfm *tfm)
{
	struct cbc_ctx *c = crypto_tfm_ctx(tfm);

	crypto_free_cipher(c->child);
	kfree(c->iv_buf);
}

static struct crypto_alg cbc_alg = {
	.cra_init = cbc_cra_init,
	.cra_exit = cbc_cra_exit,
};
