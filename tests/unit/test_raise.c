// SPDX-License-Identifier: GPL-2.0-only
/*
 * `lockdown raise` against a stand-in lockdown file. This proves the command's own logic
 * (ratchet check, confirmation, argument errors); the kernel's behaviour is proven in the VM.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmds.h"
#include "util.h"

static char path[] = "/tmp/ld-test-raise-XXXXXX";

static void set_file(const char *content)
{
	int fd = open(path, O_WRONLY | O_TRUNC);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, content, strlen(content)), (ssize_t)strlen(content));
	close(fd);
}

static const char *file_content(void)
{
	static char buf[128];
	long n = ld_read_file(path, buf, sizeof(buf));

	assert_true(n >= 0);
	return buf;
}

static int run(const char *level, bool yes)
{
	char *argv[4];
	int argc = 0;

	setenv("LOCKDOWN_LEVEL_FILE", path, 1);
	argv[argc++] = "raise";
	argv[argc++] = (char *)level;
	if (yes)
		argv[argc++] = "--yes";
	argv[argc] = NULL;
	return cmd_raise(argc, argv);
}

static void test_raise_writes_level(void **state)
{
	(void)state;
	set_file("[none] integrity confidentiality\n");
	assert_int_equal(run("integrity", true), LD_EXIT_OK);
	/* One write of the bare name at offset 0, as the kernel's lockdown_write() expects. */
	assert_memory_equal(file_content(), "integrity", 9);

	set_file("none [integrity] confidentiality\n");
	assert_int_equal(run("confidentiality", true), LD_EXIT_OK);
	assert_memory_equal(file_content(), "confidentiality", 15);
}

static void test_raise_refuses_lowering(void **state)
{
	static const char at_conf[] = "none integrity [confidentiality]\n";
	(void)state;

	set_file(at_conf);
	assert_int_equal(run("integrity", true), LD_EXIT_FAIL);
	assert_string_equal(file_content(), at_conf); /* nothing written */
}

static void test_raise_same_level_is_noop(void **state)
{
	static const char at_integ[] = "none [integrity] confidentiality\n";
	(void)state;

	set_file(at_integ);
	assert_int_equal(run("integrity", true), LD_EXIT_OK);
	assert_string_equal(file_content(), at_integ);
}

static void test_raise_needs_yes_without_tty(void **state)
{
	static const char at_none[] = "[none] integrity confidentiality\n";
	int saved = dup(STDIN_FILENO);
	int devnull = open("/dev/null", O_RDONLY);
	int ret;
	(void)state;

	set_file(at_none);
	dup2(devnull, STDIN_FILENO);
	ret = run("integrity", false);
	dup2(saved, STDIN_FILENO);
	close(saved);
	close(devnull);
	assert_int_equal(ret, LD_EXIT_ERR);
	assert_string_equal(file_content(), at_none);
}

static void test_raise_bad_arguments(void **state)
{
	static const char at_none[] = "[none] integrity confidentiality\n";
	char *none_argv[] = { "raise", "none", "--yes", NULL };
	char *noarg_argv[] = { "raise", "--yes", NULL };
	char *two_argv[] = { "raise", "integrity", "confidentiality", "--yes", NULL };
	(void)state;

	set_file(at_none);
	assert_int_equal(run("paranoid", true), LD_EXIT_ERR);
	assert_int_equal(cmd_raise(3, none_argv), LD_EXIT_ERR);
	assert_int_equal(cmd_raise(2, noarg_argv), LD_EXIT_ERR);
	assert_int_equal(cmd_raise(4, two_argv), LD_EXIT_ERR);
	assert_string_equal(file_content(), at_none);
}

static void test_raise_unreadable_state(void **state)
{
	(void)state;
	set_file("garbage\n");
	assert_int_equal(run("integrity", true), LD_EXIT_ERR);
	assert_string_equal(file_content(), "garbage\n");
}

static int setup(void **state)
{
	int fd = mkstemp(path);
	(void)state;

	if (fd < 0)
		return -1;
	close(fd);
	/* Silence the command's own messages; cmocka's TAP goes to stdout. */
	return freopen("/dev/null", "w", stderr) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_raise_writes_level),
		cmocka_unit_test(test_raise_refuses_lowering),
		cmocka_unit_test(test_raise_same_level_is_noop),
		cmocka_unit_test(test_raise_needs_yes_without_tty),
		cmocka_unit_test(test_raise_bad_arguments),
		cmocka_unit_test(test_raise_unreadable_state),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
