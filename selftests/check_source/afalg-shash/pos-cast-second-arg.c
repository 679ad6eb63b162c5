// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  The skcipher context cast
 * and passed as the second argument of a helper that wants the shash.
 */
#include <crypto/hash.h>
#include <crypto/internal/skcipher.h>

struct xts_ctx {
	struct crypto_shash *mac;
};

static int mac_rekey(const u8 *key, struct crypto_shash *mac, unsigned int len)
{
	return crypto_shash_setkey(mac, key, len);
}

static int xts_setkey(struct crypto_skcipher *tfm, const u8 *key,
		      unsigned int keylen)
{
	return mac_rekey(key, (struct crypto_shash *)crypto_skcipher_ctx(tfm), keylen); /* oopslab-expect: afalg-shash */
}
