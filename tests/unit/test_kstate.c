// SPDX-License-Identifier: GPL-2.0-only
/* Parsers of the kernel's own state: securityfs level and LSM list, EFI variables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kstate.h"
#include "util.h"

static void test_level_parse(void **state)
{
	enum ld_level l = LD_LEVEL_NONE;
	(void)state;

	assert_int_equal(ld_parse_level("none [integrity] confidentiality\n", &l), 0);
	assert_int_equal(l, LD_LEVEL_INTEGRITY);
	assert_int_equal(ld_parse_level("[none] integrity confidentiality\n", &l), 0);
	assert_int_equal(l, LD_LEVEL_NONE);
	assert_int_equal(ld_parse_level("none integrity [confidentiality]", &l), 0);
	assert_int_equal(l, LD_LEVEL_CONFIDENTIALITY);
	/* A kernel that offers fewer levels still parses. */
	assert_int_equal(ld_parse_level("[none]\n", &l), 0);
	assert_int_equal(l, LD_LEVEL_NONE);
}

static void test_level_malformed(void **state)
{
	enum ld_level l = LD_LEVEL_CONFIDENTIALITY;
	static const char *const bad[] = {
		"",
		"none integrity confidentiality\n",   /* nothing selected */
		"[none] [integrity] confidentiality", /* two selected */
		"none [integrity confidentiality",    /* unterminated */
		"none []",
		"[paranoid] none",
		"none [integrity]] x",
		"none [[integrity] x",
		"[integrity and then some very long text that does not fit]",
	};
	(void)state;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(ld_parse_level(bad[i], &l), -EINVAL);
	assert_int_equal(l, LD_LEVEL_CONFIDENTIALITY); /* untouched on failure */
}

static void test_level_names(void **state)
{
	enum ld_level l;
	(void)state;

	assert_string_equal(ld_level_name(LD_LEVEL_CONFIDENTIALITY), "confidentiality");
	assert_null(ld_level_name((enum ld_level)7));
	assert_int_equal(ld_level_from_name("integrity", &l), 0);
	assert_int_equal(l, LD_LEVEL_INTEGRITY);
	assert_int_equal(ld_level_from_name("Integrity", &l), -EINVAL);
}

static void test_lsm_list(void **state)
{
	struct ld_lsm_list list;
	char param[256];
	(void)state;

	assert_int_equal(ld_parse_lsm_list("lockdown,capability,landlock,bpf", &list), 0);
	assert_int_equal(list.count, 4);
	assert_string_equal(list.names[2], "landlock");
	assert_true(ld_lsm_list_has(&list, "bpf"));
	assert_false(ld_lsm_list_has(&list, "bp"));

	assert_int_equal(ld_parse_lsm_list("capability,lockdown,yama,apparmor\n", &list), 0);
	assert_false(ld_lsm_list_has(&list, "bpf"));
	assert_int_equal(ld_lsm_bpf_param(&list, param, sizeof(param)), 0);
	assert_string_equal(param, "lsm=capability,lockdown,yama,apparmor,bpf");
	assert_int_equal(ld_lsm_bpf_param(&list, param, 12), -ENOSPC);

	assert_int_equal(ld_parse_lsm_list("capability", &list), 0);
	assert_int_equal(list.count, 1);
}

static void test_lsm_list_malformed(void **state)
{
	struct ld_lsm_list list;
	char many[LD_MAX_LSMS * 3 + 8] = "";
	(void)state;

	assert_int_equal(ld_parse_lsm_list("", &list), -EINVAL);
	assert_int_equal(ld_parse_lsm_list("a,,b", &list), -EINVAL);
	assert_int_equal(ld_parse_lsm_list("a,b,", &list), -EINVAL);
	assert_int_equal(ld_parse_lsm_list("a,b\nc", &list), -EINVAL);
	assert_int_equal(ld_parse_lsm_list("a_name_that_is_far_too_long_for_any_lsm_really", &list),
			 -EINVAL);
	for (int i = 0; i <= LD_MAX_LSMS; i++)
		strcat(many, i ? ",x" : "x");
	assert_int_equal(ld_parse_lsm_list(many, &list), -EINVAL);
}

static void test_efivar(void **state)
{
	/* EFI_VARIABLE_NON_VOLATILE|BOOTSERVICE_ACCESS|RUNTIME_ACCESS = 0x7, little endian. */
	static const uint8_t on[] = { 0x06, 0x00, 0x00, 0x00, 0x01 };
	static const uint8_t off[] = { 0x06, 0x00, 0x00, 0x00, 0x00 };
	uint8_t v = 9;
	(void)state;

	assert_int_equal(ld_parse_efivar_u8(on, sizeof(on), &v), 0);
	assert_int_equal(v, 1);
	assert_int_equal(ld_parse_efivar_u8(off, sizeof(off), &v), 0);
	assert_int_equal(v, 0);
	v = 9;
	assert_int_equal(ld_parse_efivar_u8(on, 4, &v), -EINVAL);
	assert_int_equal(ld_parse_efivar_u8(on, 0, &v), -EINVAL);
	assert_int_equal(v, 9);
}

static void test_files(void **state)
{
	char path[] = "/tmp/ld-test-kstate-XXXXXX";
	enum ld_level l;
	int fd;
	(void)state;

	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "none integrity [confidentiality]\n", 33), 33);
	close(fd);
	assert_int_equal(ld_read_level_file(path, &l), 0);
	assert_int_equal(l, LD_LEVEL_CONFIDENTIALITY);

	fd = open(path, O_WRONLY | O_TRUNC);
	assert_int_equal(write(fd, "Y\n", 2), 2);
	close(fd);
	assert_int_equal(ld_read_sig_enforce(path), 1);
	fd = open(path, O_WRONLY | O_TRUNC);
	assert_int_equal(write(fd, "N\n", 2), 2);
	close(fd);
	assert_int_equal(ld_read_sig_enforce(path), 0);
	fd = open(path, O_WRONLY | O_TRUNC);
	assert_int_equal(write(fd, "maybe\n", 6), 6);
	close(fd);
	assert_int_equal(ld_read_sig_enforce(path), -EINVAL);
	unlink(path);
	assert_int_equal(ld_read_sig_enforce(path), -ENOENT);
	assert_int_equal(ld_read_level_file(path, &l), -ENOENT);
}

static void test_read_file_limits(void **state)
{
	char path[] = "/tmp/ld-test-kstate-XXXXXX";
	char buf[8];
	int fd;
	(void)state;

	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "0123456789", 10), 10);
	close(fd);
	assert_int_equal(ld_read_file(path, buf, sizeof(buf)), -EFBIG);
	assert_string_equal(buf, "0123456");
	assert_int_equal(ld_read_file(path, buf, 0), -EINVAL);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_level_parse),
		cmocka_unit_test(test_level_malformed),
		cmocka_unit_test(test_level_names),
		cmocka_unit_test(test_lsm_list),
		cmocka_unit_test(test_lsm_list_malformed),
		cmocka_unit_test(test_efivar),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_read_file_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
