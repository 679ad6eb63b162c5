// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for deepin-lsm: the fixed path checks the page before it
 * would write, tells read-only from writable memory, refuses to touch the
 * kernel's LSM hook structure and hooks file opens with a kprobe instead.
 * Included at the end of deepin_lsm.c, so that it can call the static
 * functions; it runs when the module loads on a kernel with CONFIG_KUNIT
 * (the oopslab lab kernel).  mode=buggy oopses in its init, before the
 * suite would run.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/fcntl.h>

static void deepin_test_find(struct kunit *test, struct deepin_target *t)
{
	int ret;

	if (!deepin_kallsyms) {
		ret = deepin_find_kallsyms();
		if (ret == -EOPNOTSUPP)
			kunit_skip(test, "kallsyms_lookup_name cannot be called with IBT on");
		KUNIT_ASSERT_EQ(test, ret, 0);
	}
	KUNIT_ASSERT_EQ(test, deepin_find_target(t), 0);
}

/* The word the field module stored to lies in __ro_after_init, read-only. */
static void deepin_test_hook_slot_is_read_only(struct kunit *test)
{
	unsigned long start, end;
	struct deepin_target t;

	deepin_test_find(test, &t);
	start = deepin_kallsyms("__start_ro_after_init");
	end = deepin_kallsyms("__end_ro_after_init");
	KUNIT_ASSERT_NE(test, start, 0UL);
	KUNIT_EXPECT_GE(test, t.slot, start);
	KUNIT_EXPECT_LT(test, t.slot, end);
	KUNIT_EXPECT_FALSE(test, deepin_writable(t.slot));
}

/* The check is not a constant: heap is writable, kernel text is not. */
static void deepin_test_writable_tells_apart(struct kunit *test)
{
	unsigned long *word = kunit_kzalloc(test, sizeof(*word), GFP_KERNEL);
	struct deepin_target t;

	KUNIT_ASSERT_NOT_NULL(test, word);
	deepin_test_find(test, &t);
	KUNIT_EXPECT_TRUE(test, deepin_writable((unsigned long)word));
	KUNIT_EXPECT_FALSE(test, deepin_writable((unsigned long)deepin_kallsyms));
}

/*
 * The fixed install leaves the hook structure as it was and still sees
 * every open, through its kprobe on security_file_open().  When the module
 * was loaded with mode=off the case installs and removes the probe itself.
 */
static void deepin_test_fixed_refuses_and_hooks(struct kunit *test)
{
	struct deepin_target t;
	unsigned long before;
	struct file *file;
	long hits0;

	if (deepin_kp_registered)
		kunit_skip(test, "mode=%s installed the probe already", mode);
	deepin_test_find(test, &t);
	before = READ_ONCE(*(unsigned long *)t.slot);
	hits0 = atomic_long_read(&hits);

	KUNIT_ASSERT_EQ(test, deepin_install_fixed(&t), 0);
	file = filp_open("/", O_RDONLY, 0);
	KUNIT_EXPECT_FALSE(test, IS_ERR(file));
	if (!IS_ERR(file))
		filp_close(file, NULL);
	KUNIT_EXPECT_EQ(test, READ_ONCE(*(unsigned long *)t.slot), before);
	KUNIT_EXPECT_GT(test, atomic_long_read(&hits), hits0);

	unregister_kprobe(&deepin_kp);
	/* registration filled in .addr: clear it so the kprobe can be reused */
	deepin_kp.addr = NULL;
	deepin_kp.flags = 0;
	deepin_kp_registered = false;
}

static struct kunit_case deepin_lsm_test_cases[] = {
	KUNIT_CASE(deepin_test_hook_slot_is_read_only),
	KUNIT_CASE(deepin_test_writable_tells_apart),
	KUNIT_CASE(deepin_test_fixed_refuses_and_hooks),
	{}
};

static struct kunit_suite deepin_lsm_test_suite = {
	.name = "deepin_lsm",
	.test_cases = deepin_lsm_test_cases,
};

kunit_test_suite(deepin_lsm_test_suite);
