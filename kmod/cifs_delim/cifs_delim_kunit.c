// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for cifs-delim: convert_delimiter() stops at the first NUL
 * and nowhere else, so the fixed build, which terminates before it
 * converts, never writes past its buffer, even when the byte where the NUL
 * goes held a '/'.  Included at the end of cifs_delim.c, so that it can
 * call the static functions; it runs when the module loads on a kernel
 * with CONFIG_KUNIT (the oopslab lab kernel), where KASAN would also fail
 * a case that touched a byte outside a kmalloc'd buffer.
 */
#include <kunit/test.h>

/* The walk ends at the NUL: what follows it is left alone. */
static void cifs_test_convert_stops_at_nul(struct kunit *test)
{
	char buf[] = "ab/cd/ef\0/gh/";

	KUNIT_EXPECT_EQ(test, cifs_delim_convert(buf, '\\', 9), 0U);
	KUNIT_EXPECT_STREQ(test, buf, "ab\\cd\\ef");
	KUNIT_EXPECT_MEMEQ(test, buf + 9, "/gh/", 4);
}

/*
 * ... and only there: with no NUL inside @size (the 3.1-3.7 order), the
 * walk goes on past it.  Done on a local array, where that is harmless.
 */
static void cifs_test_convert_without_nul_runs_past(struct kunit *test)
{
	/* 5 bytes copied, the unwritten 6th (a stale '/'), then a neighbour */
	char buf[] = "ab/cd/x/";

	KUNIT_EXPECT_EQ(test, cifs_delim_convert(buf, '\\', 6), 1U);
	KUNIT_EXPECT_STREQ(test, buf, "ab\\cd\\x\\");
}

/*
 * The fixed build with the worst stale byte, a '/' where the NUL goes:
 * exactly the converted path, its length, nothing rewritten outside.
 */
static void cifs_test_fixed_build_stays_inside(struct kunit *test)
{
	static const char tree[] = "//server/share", prepath[] = "/dir/sub";
	unsigned int outside = ~0U;
	char *full_path;
	int saved;
	u8 stale;

	mutex_lock(&cifs_delim_lock);
	saved = stale_byte;
	stale_byte = '/';
	full_path = cifs_delim_build_fixed(tree, strlen(tree), prepath,
					   strlen(prepath), &stale, &outside);
	stale_byte = saved;
	mutex_unlock(&cifs_delim_lock);

	KUNIT_ASSERT_NOT_NULL(test, full_path);
	KUNIT_EXPECT_EQ(test, stale, (u8)'/');
	KUNIT_EXPECT_EQ(test, outside, 0U);
	KUNIT_EXPECT_STREQ(test, full_path, "\\\\server\\share\\dir\\sub");
	KUNIT_EXPECT_EQ(test, strlen(full_path), strlen(tree) + strlen(prepath));
	kfree(full_path);
}

static struct kunit_case cifs_delim_test_cases[] = {
	KUNIT_CASE(cifs_test_convert_stops_at_nul),
	KUNIT_CASE(cifs_test_convert_without_nul_runs_past),
	KUNIT_CASE(cifs_test_fixed_build_stays_inside),
	{}
};

static struct kunit_suite cifs_delim_test_suite = {
	.name = "cifs_delim",
	.test_cases = cifs_delim_test_cases,
};

kunit_test_suite(cifs_delim_test_suite);
