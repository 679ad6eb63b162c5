// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  crypto_tfm_ctx() applied to
 * something that already is the context.
 */
#include <crypto/internal/hash.h>
#include <linux/slab.h>

struct sm3_dev_ctx {
	u8 *scratch;
};

static void sm3_dev_exit(struct crypto_shash *tfm)
{
	struct sm3_dev_ctx *c = crypto_tfm_ctx(crypto_shash_ctx(tfm)); /* oopslab-expect: afalg-shash */

	kfree_sensitive(c->scratch);
}
