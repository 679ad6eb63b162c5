// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for afalg-shash: the fixed exit_tfm frees exactly what
 * init_tfm allocated and is NULL-safe, the algorithm's digests are right,
 * and the buggy helper's pointer is not the one init_tfm allocated.
 * Included at the end of afalg_shash.c, so that it can call the static
 * functions; it runs when the module loads on a kernel with CONFIG_KUNIT
 * (the oopslab lab kernel).  Under KASAN a wrong free fails the case.
 */
#include <kunit/test.h>
#include <crypto/hash.h>

/* FIPS 180-2 SHA-256 examples */
static const struct {
	const char *msg;
	u8 digest[SHA256_DIGEST_SIZE];
} afalg_test_vectors[] = {
	{ "", {
		0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14,
		0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
		0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c,
		0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55 } },
	{ "abc", {
		0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea,
		0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
		0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c,
		0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad } },
	{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", {
		0x24, 0x8d, 0x6a, 0x61, 0xd2, 0x06, 0x38, 0xb8,
		0xe5, 0xc0, 0x26, 0x93, 0x0c, 0x3e, 0x60, 0x39,
		0xa3, 0x3c, 0xe4, 0x59, 0x64, 0xff, 0x21, 0x67,
		0xf6, 0xec, 0xed, 0xd4, 0x19, 0xdb, 0x06, 0xc1 } },
};

/* What init_tfm leaves in a ctx, without a tfm around it. */
static struct afalg_shash_ctx *afalg_test_ctx(struct kunit *test)
{
	struct afalg_shash_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	ctx->kmem = kzalloc(AFALG_SHASH_KMEM_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx->kmem);
	memcpy(ctx->iv, afalg_shash_h0, sizeof(ctx->iv));
	return ctx;
}

/* The fixed helper frees kmem, clears it, touches nothing else. */
static void afalg_test_fixed_frees_only_kmem(struct kunit *test)
{
	struct afalg_shash_ctx *ctx = afalg_test_ctx(test);

	afalg_shash_ctx_free(ctx);
	KUNIT_EXPECT_NULL(test, ctx->kmem);
	KUNIT_EXPECT_MEMEQ(test, ctx->iv, afalg_shash_h0, sizeof(ctx->iv));
}

/* A second exit, or one after a failed init (kmem NULL), is harmless. */
static void afalg_test_fixed_exit_null_safe(struct kunit *test)
{
	struct afalg_shash_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	afalg_shash_ctx_free(ctx);
	afalg_shash_ctx_free(ctx);
	KUNIT_EXPECT_NULL(test, ctx->kmem);
}

/*
 * The buggy helper takes the ctx for a tfm and reads "kmem" from
 * crypto_tfm_ctx() of it: 32 bytes further (128 on arm64), inside iv[].
 * Only the read is done here, not the free.
 */
static void afalg_test_buggy_helper_reads_a_stranger(struct kunit *test)
{
	struct afalg_shash_ctx *ctx = afalg_test_ctx(test);
	struct afalg_shash_ctx *wrong = crypto_tfm_ctx((struct crypto_tfm *)ctx);

	KUNIT_EXPECT_PTR_NE(test, (void *)wrong, (void *)ctx);
	KUNIT_EXPECT_PTR_NE(test, (void *)wrong->kmem, (void *)ctx->kmem);
	KUNIT_EXPECT_EQ(test, (u64)(unsigned long)wrong->kmem,
			(u64)afalg_shash_h0[AFALG_SHASH_CONFUSED_IV] |
			(u64)afalg_shash_h0[AFALG_SHASH_CONFUSED_IV + 1] << 32);
	afalg_shash_ctx_free(ctx);
}

/*
 * The whole life of a tfm through the crypto API: init_tfm allocates,
 * the digests match the vectors and are counted, exit_tfm frees.  Uses the
 * module's algorithm with the fixed exit: registered by mode=fixed, or
 * here for the duration of the case when the module was loaded with
 * mode=off.
 */
static void afalg_test_tfm_life_with_vectors(struct kunit *test)
{
	bool ours = false;
	struct crypto_shash *tfm;
	struct afalg_shash_ctx *ctx;
	long before;
	u8 out[SHA256_DIGEST_SIZE];
	int i, err;

	if (registered && afalg_shash_alg.exit_tfm != afalg_shash_exit_tfm_fixed)
		kunit_skip(test, "mode=%s: the registered exit_tfm is the buggy one", mode);
	if (!registered) {
		strscpy(afalg_shash_alg.base.cra_name, cra_name,
			sizeof(afalg_shash_alg.base.cra_name));
		afalg_shash_alg.exit_tfm = afalg_shash_exit_tfm_fixed;
		err = crypto_register_shash(&afalg_shash_alg);
		KUNIT_ASSERT_EQ_MSG(test, err, 0, "crypto_register_shash(%s)", AFALG_SHASH_DRIVER);
		ours = true;
	}

	tfm = crypto_alloc_shash(AFALG_SHASH_DRIVER, 0, 0);
	KUNIT_EXPECT_FALSE_MSG(test, IS_ERR(tfm), "crypto_alloc_shash: %ld", PTR_ERR(tfm));
	if (!IS_ERR(tfm)) {
		ctx = crypto_shash_ctx(tfm);
		KUNIT_EXPECT_NOT_NULL(test, ctx->kmem);
		before = atomic_long_read(&digests);
		for (i = 0; i < ARRAY_SIZE(afalg_test_vectors); i++) {
			const char *msg = afalg_test_vectors[i].msg;

			err = crypto_shash_tfm_digest(tfm, msg, strlen(msg), out);
			KUNIT_EXPECT_EQ(test, err, 0);
			KUNIT_EXPECT_MEMEQ_MSG(test, out, afalg_test_vectors[i].digest,
					       SHA256_DIGEST_SIZE, "SHA-256(\"%s\")", msg);
		}
		KUNIT_EXPECT_EQ(test, atomic_long_read(&digests),
				before + (long)ARRAY_SIZE(afalg_test_vectors));
		/* exit_tfm twice: once here, once in crypto_free_shash() */
		afalg_shash_exit_tfm_fixed(tfm);
		KUNIT_EXPECT_NULL(test, ctx->kmem);
		crypto_free_shash(tfm);
	}
	if (ours)
		crypto_unregister_shash(&afalg_shash_alg);
}

static struct kunit_case afalg_shash_test_cases[] = {
	KUNIT_CASE(afalg_test_fixed_frees_only_kmem),
	KUNIT_CASE(afalg_test_fixed_exit_null_safe),
	KUNIT_CASE(afalg_test_buggy_helper_reads_a_stranger),
	KUNIT_CASE(afalg_test_tfm_life_with_vectors),
	{}
};

static struct kunit_suite afalg_shash_test_suite = {
	.name = "afalg_shash",
	.test_cases = afalg_shash_test_cases,
};

kunit_test_suite(afalg_shash_test_suite);
