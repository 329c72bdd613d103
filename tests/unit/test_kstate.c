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
#include <sys/stat.h>
#include <unistd.h>

#include "kstate.h"
#include "mountinfo.h"
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

/* Anything but a regular file is refused at once: a FIFO would block a plain open(). */
static void test_not_regular(void **state)
{
	char dir[] = "/tmp/ld-test-kstate-XXXXXX", fifo[64];
	char buf[16], *big;
	enum ld_level l;
	size_t n;
	(void)state;

	assert_non_null(mkdtemp(dir));
	snprintf(fifo, sizeof(fifo), "%s/fifo", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	alarm(20); /* a reader that blocks fails here instead of hanging */
	assert_int_equal(ld_read_file(fifo, buf, sizeof(buf)), -LD_ENOTREG);
	assert_int_equal(ld_read_level_file(fifo, &l), -LD_ENOTREG);
	assert_int_equal(ld_read_sig_enforce(fifo), -LD_ENOTREG);
	assert_int_equal(ld_read_file_alloc(fifo, 100, &big, &n), -LD_ENOTREG);
	assert_int_equal(ld_open_regular(fifo, O_WRONLY), -LD_ENOTREG);
	assert_int_equal(ld_read_file("/dev/null", buf, sizeof(buf)), -LD_ENOTREG);
	assert_int_equal(ld_read_file(dir, buf, sizeof(buf)), -EISDIR);
	alarm(0);
	assert_string_equal(ld_errno_hint(LD_ENOTREG),
			    "not a regular file (a FIFO, socket or device)");
	unlink(fifo);
	rmdir(dir);
}

static void test_read_file_alloc(void **state)
{
	char path[] = "/tmp/ld-test-kstate-XXXXXX";
	char *buf;
	size_t n;
	int fd;
	(void)state;

	fd = mkstemp(path);
	assert_true(fd >= 0);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(write(fd, "0123456789", 10), 10);
	close(fd);
	assert_int_equal(ld_read_file_alloc(path, 10000, &buf, &n), 0);
	assert_int_equal(n, 10000);
	assert_int_equal(buf[n], '\0');
	assert_memory_equal(buf + 9990, "0123456789", 10);
	free(buf);
	assert_int_equal(ld_read_file_alloc(path, 9999, &buf, &n), -EFBIG);
	assert_null(buf);
	assert_int_equal(ld_read_file_alloc(path, 0, &buf, &n), -EFBIG);
	/* /proc files claim a size of 0: read to the end all the same. */
	assert_int_equal(ld_read_file_alloc("/proc/self/status", 1 << 20, &buf, &n), 0);
	assert_true(n > 100);
	assert_non_null(strstr(buf, "Name:"));
	free(buf);
	unlink(path);
	assert_int_equal(ld_read_file_alloc(path, 10, &buf, &n), -ENOENT);
}

/* mountinfo text as the parser takes it: a malloc()ed copy, NUL after len bytes. */
static int parse_copy(const char *text, size_t len, struct ld_mounts *ms)
{
	char *copy = malloc(len + 1);

	memcpy(copy, text, len);
	copy[len] = '\0';
	return ld_mounts_parse(copy, len, ms);
}

static void test_mountinfo(void **state)
{
	static const char text[] =
		"22 1 0:21 / /proc rw,nosuid - proc proc rw\n"
		"23 22 0:6 / /sys/kernel/sec\\040urity rw shared:7 master:1 - "
		"securityfs securityfs rw\n"
		"24 22 0:6 / /second rw - securityfs securityfs rw\n"
		"25 22 8:1 /sub\\134dir /a\\040-\\040securityfs rw - btrfs /dev/x rw\n";
	struct ld_mounts ms;
	const struct ld_mount *m;
	(void)state;

	assert_int_equal(parse_copy(text, sizeof(text) - 1, &ms), 0);
	assert_int_equal(ms.n, 4);
	m = ld_mounts_by_fstype(&ms, "securityfs");
	assert_non_null(m);
	assert_string_equal(m->mountpoint, "/sys/kernel/sec urity"); /* \040 undone */
	assert_int_equal(m->id, 23);
	assert_int_equal(m->parent, 22);
	assert_string_equal(ld_mounts_by_fstype(&ms, "proc")->mountpoint, "/proc");
	assert_null(ld_mounts_by_fstype(&ms, "cgroup2"));
	/* "- securityfs" inside a mount point is escaped by the kernel, never a separator. */
	m = ld_mounts_by_id(&ms, 25);
	assert_non_null(m);
	assert_string_equal(m->fstype, "btrfs");
	assert_string_equal(m->mountpoint, "/a - securityfs");
	assert_string_equal(m->root, "/sub\\dir");
	assert_int_equal(m->major, 8);
	assert_int_equal(m->minor, 1);
	assert_int_equal(ld_mount_kdev(m), ((__u64)8 << 20) | 1);
	ld_mounts_free(&ms);

	/* Malformed: the whole table is refused, never half read. */
	static const char *const bad[] = {
		"garbage line\n",
		"1 1 0:1 / /nul\\000 rw - securityfs s rw\n", /* an escaped NUL */
		"x 1 0:1 / / rw - ext4 /dev/x rw\n",
		"1 1 0-1 / / rw - ext4 /dev/x rw\n",
		"1 1 0:1 / / rw ext4 /dev/x rw\n", /* no separator */
		"1 2 3 4 ",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(parse_copy(bad[i], strlen(bad[i]), &ms), -EINVAL);
	/* A NUL byte inside the text. */
	assert_int_equal(parse_copy("1 1 0:1 / / rw - ext4\0 x rw\n", 27, &ms), -EINVAL);
	/* Cut anywhere: a prefix parses or is refused, and ASan sees nothing read beyond it. */
	for (size_t len = 0; len < sizeof(text) - 1; len++)
		if (parse_copy(text, len, &ms) == 0)
			ld_mounts_free(&ms);
}

static void test_safe_text(void **state)
{
	char out[64];
	struct json_object *o;
	char *json;
	(void)state;

	assert_string_equal(ld_safe("plain /usr/bin/x"), "plain /usr/bin/x");
	assert_string_equal(ld_safe("caf\xc3\xa9"), "caf\xc3\xa9"); /* UTF-8 stays */
	assert_string_equal(ld_safe("a\x1b[31mb\x07"), "a\\x1b[31mb\\x07");
	assert_string_equal(ld_safe("tab\there\n"), "tab\\x09here\\x0a");
	assert_string_equal(ld_safe("\xff\xc3"), "\\xff\\xc3"); /* not UTF-8 */
	assert_string_equal(ld_safe("\xc2\x9b"
				    "1m"),
			    "\\xc2\\x9b1m");				 /* C1 CSI */
	assert_string_equal(ld_safe("\xed\xa0\x80"), "\\xed\\xa0\\x80"); /* a surrogate */
	assert_string_equal(ld_safe("\xc0\xaf"), "\\xc0\\xaf");		 /* overlong */
	assert_string_equal(ld_safe("del\x7f"), "del\\x7f");
	/* Truncation stops at a whole escape or character, and says how much was needed. */
	assert_int_equal(ld_escape(out, 6,
				   "ab\x1b"
				   "cd",
				   5),
			 8);
	assert_string_equal(out, "ab");
	assert_int_equal(ld_escape(out, 4, "\xc3\xa9\xc3\xa9", 4), 4);
	assert_string_equal(out, "\xc3\xa9");
	assert_true(ld_text_ok("Deny=kexec\t# ok", 15));
	assert_false(ld_text_ok("a\x1b", 2));
	assert_int_equal(ld_text_prefix("ab\xff", 3), 2);

	/* JSON: always valid UTF-8, controls escaped. */
	o = json_object_new_object();
	json_object_object_add(o, "s",
			       json_object_new_string("\x1b[31m\xff\xc2\x9b\x7f ok \xc3\xa9"));
	json = ld_json_text(o, JSON_C_TO_STRING_PLAIN);
	assert_non_null(json);
	assert_true(ld_text_ok(json, strlen(json)));
	assert_string_equal(json, "{\"s\":\"\\u001b[31m\\\\xff\\u009b\\u007f ok \xc3\xa9\"}");
	free(json);
	json_object_put(o);

	assert_int_equal(ld_edit_distance("Polcy", "Policy"), 1);
	assert_int_equal(ld_edit_distance("", "abc"), 3);
	{
		char p[16];

		assert_int_equal(ld_path_join(p, sizeof(p), "/a/", "b"), 0);
		assert_string_equal(p, "/a/b");
		assert_int_equal(ld_path_join(p, sizeof(p), "/0123456789", "abcd"), -ENAMETOOLONG);
		assert_string_equal(p, "");
	}
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
		cmocka_unit_test(test_not_regular),
		cmocka_unit_test(test_read_file_alloc),
		cmocka_unit_test(test_mountinfo),
		cmocka_unit_test(test_safe_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
