// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reason resolution from BTF. The BTF blobs are built here with libbpf's writer API, in the
 * numberings of real kernels, written to a file and read back through ld_reasons_load().
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <bpf/btf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kernels.h"
#include "reasons.h"
#include "util.h"

/* Before 5.14: LOCKDOWN_BPF_READ, and a reason name no catalog knows (a future kernel). */
static const char *const kold[] = {
	"NONE",		"MODULE_SIGNATURE",    "DEV_MEM", "INTEGRITY_MAX", "BPF_READ",
	"FUTURE_THING", "CONFIDENTIALITY_MAX",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static char tmpdir[] = "/tmp/ld-test-reasons-XXXXXX";

static void load(const char *const *names, size_t n, struct ld_reasons *rs)
{
	char path[128], err[256];

	snprintf(path, sizeof(path), "%s/btf", tmpdir);
	ld_test_write_btf(path, "lockdown_reason", names, n);
	assert_int_equal(ld_reasons_load(path, rs, err, sizeof(err)), 0);
}

static void count_classes(const struct ld_reasons *rs, unsigned int *integ, unsigned int *conf)
{
	*integ = *conf = 0;
	for (unsigned int i = 0; i < rs->count; i++) {
		if (rs->r[i].class == LD_CLASS_INTEGRITY)
			(*integ)++;
		else
			(*conf)++;
	}
}

static void test_510_numbering(void **state)
{
	struct ld_reasons rs;
	unsigned int integ, conf;
	(void)state;

	load(ld_test_k510.names, ld_test_k510.count, &rs);
	assert_int_equal(rs.count, 24);
	assert_int_equal(rs.integrity_max, 18);
	assert_null(ld_reason_by_name(&rs, "xfrm_secret"));
	assert_int_equal(ld_reason_by_name(&rs, "tracefs")->number, 24);
	assert_int_equal(ld_reason_by_name(&rs, "dbg_write_kernel")->class, LD_CLASS_INTEGRITY);
	assert_int_equal(ld_reason_by_name(&rs, "kcore")->number, 19);
	assert_null(ld_reason_by_name(&rs, "device_tree"));
	count_classes(&rs, &integ, &conf);
	assert_int_equal(integ, 17);
	assert_int_equal(conf, 7);
}

static void test_61_numbering(void **state)
{
	struct ld_reasons rs;
	unsigned int integ, conf;
	(void)state;

	load(ld_test_k61.names, ld_test_k61.count, &rs);
	assert_int_equal(rs.count, 28);
	assert_int_equal(ld_reason_by_name(&rs, "tracefs")->number, 27);
	assert_int_equal(ld_reason_by_name(&rs, "xen_user_actions")->number, 20);
	assert_int_equal(ld_reason_by_name(&rs, "xen_user_actions")->class, LD_CLASS_INTEGRITY);
	assert_int_equal(ld_reason_by_name(&rs, "kcore")->class, LD_CLASS_CONFIDENTIALITY);
	assert_string_equal(ld_reason_by_number(&rs, 2)->name, "dev_mem");
	assert_string_equal(ld_reason_by_number(&rs, 2)->description, "/dev/mem,kmem,port");
	/* Markers and NONE are not reasons. */
	assert_null(ld_reason_by_number(&rs, 0));
	assert_null(ld_reason_by_number(&rs, 21));
	assert_null(ld_reason_by_number(&rs, 30));
	assert_null(ld_reason_by_name(&rs, "integrity_max"));
	count_classes(&rs, &integ, &conf);
	assert_int_equal(integ, 20);
	assert_int_equal(conf, 8);
	for (unsigned int i = 0; i < rs.count; i++)
		assert_true((rs.r[i].number < 21) == (rs.r[i].class == LD_CLASS_INTEGRITY));
}

static void test_old_bpf_read_and_unknown_names(void **state)
{
	struct ld_reasons rs;
	const struct ld_reason *r;
	(void)state;

	load(kold, N(kold), &rs);
	assert_int_equal(rs.count, 4);
	r = ld_reason_by_name(&rs, "bpf_read_kernel");
	assert_non_null(r);
	assert_int_equal(r->number, 4);
	assert_string_equal(r->kernel_name, "bpf_read");
	assert_ptr_equal(ld_reason_by_name(&rs, "bpf_read"), r);
	/* A name the catalog does not know still resolves, with a placeholder description. */
	r = ld_reason_by_name(&rs, "future_thing");
	assert_non_null(r);
	assert_int_equal(r->class, LD_CLASS_CONFIDENTIALITY);
	assert_non_null(strstr(r->description, "not described"));
}

static void test_missing_file(void **state)
{
	struct ld_reasons rs;
	char err[256];
	(void)state;

	assert_int_equal(ld_reasons_load("/no/such/file", &rs, err, sizeof(err)), -ENOENT);
	assert_non_null(strstr(err, "/no/such/file"));
}

static void test_garbage_file(void **state)
{
	struct ld_reasons rs;
	char path[128], err[256];
	FILE *f;
	(void)state;

	snprintf(path, sizeof(path), "%s/junk", tmpdir);
	f = fopen(path, "wb");
	assert_non_null(f);
	fputs("this is not BTF at all, just text\n", f);
	fclose(f);
	assert_true(ld_reasons_load(path, &rs, err, sizeof(err)) < 0);
	assert_non_null(strstr(err, path));
}

static void test_no_enum(void **state)
{
	struct ld_reasons rs;
	char path[128], err[256];
	(void)state;

	snprintf(path, sizeof(path), "%s/other", tmpdir);
	ld_test_write_btf(path, "something_else", ld_test_k61.names, ld_test_k61.count);
	assert_int_equal(ld_reasons_load(path, &rs, err, sizeof(err)), -ENOENT);
	assert_non_null(strstr(err, "lockdown_reason"));
}

static void test_missing_markers(void **state)
{
	static const char *const nomarks[] = { "NONE", "DEV_MEM", "KCORE" };
	struct ld_reasons rs;
	char path[128], err[256];
	(void)state;

	snprintf(path, sizeof(path), "%s/nomarks", tmpdir);
	ld_test_write_btf(path, "lockdown_reason", nomarks, N(nomarks));
	assert_int_equal(ld_reasons_load(path, &rs, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "INTEGRITY_MAX"));
}

/* ---- hostile BTF --------------------------------------------------------------------- */

/* Load path; must fail with ret, err containing want (and nothing raw or from libbpf). */
static void assert_refused(const char *path, int ret, const char *want)
{
	struct ld_reasons rs;
	char err[512], errpath[160], captured[4096];
	int saved, fd;
	long n;

	snprintf(errpath, sizeof(errpath), "%s/stderr", tmpdir);
	fflush(stderr);
	saved = dup(2);
	fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(saved >= 0 && fd >= 0);
	dup2(fd, 2);
	close(fd);
	memset(&rs, 0xa5, sizeof(rs));
	alarm(20); /* a reader that blocks fails the test instead of hanging it */
	n = ld_reasons_load(path, &rs, err, sizeof(err));
	alarm(0);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	if (n != ret || !strstr(err, want))
		fail_msg("ld_reasons_load(%s) = %ld, want %d; err '%s', want '%s'", path, n, ret,
			 err, want);
	assert_int_equal(rs.count, 0); /* nothing half-filled */
	assert_non_null(strstr(err, path));
	/* The tool's own words: no libbpf line, no "Unknown error 4001", no raw bytes. */
	assert_null(strstr(err, "libbpf"));
	assert_null(strstr(err, "Unknown error"));
	assert_true(ld_text_ok(err, strlen(err)));
	assert_true(ld_read_file(errpath, captured, sizeof(captured)) >= 0);
	if (captured[0])
		fail_msg("stderr while reading %s: %s", path, captured);
}

/* The 6.1 enum with extra enumerators appended. */
static void write_61_plus(const char *path, const char *const *extra, const long *extra_vals,
			  size_t nextra)
{
	const char *names[128];
	long vals[128];
	size_t n = 0;

	for (size_t i = 0; i < ld_test_k61.count; i++, n++) {
		names[n] = ld_test_k61.names[i];
		vals[n] = (long)i;
	}
	for (size_t i = 0; i < nextra; i++, n++) {
		names[n] = extra[i];
		vals[n] = extra_vals[i];
	}
	ld_test_write_btf_values(path, "lockdown_reason", names, vals, n, false);
}

/* The real 6.1 enum plus 37 enumerators that repeat a value: 65 reasons for 64 slots. */
static void test_crafted_65_reasons(void **state)
{
	static char names[37][32];
	const char *extra[37];
	long vals[37];
	char path[128];
	(void)state;

	for (int i = 0; i < 37; i++) {
		snprintf(names[i], sizeof(names[i]), "DUP_%d", i);
		extra[i] = names[i];
		vals[i] = 2; /* dev_mem's number */
	}
	snprintf(path, sizeof(path), "%s/crafted65", tmpdir);
	write_61_plus(path, extra, vals, 37);
	assert_refused(path, -E2BIG, "LD_REASONS");
	assert_refused(path, -E2BIG, "below 64");
}

static void test_duplicates(void **state)
{
	static const char *const dup_value[] = { "SECOND_DEV_MEM" };
	static const char *const dup_name[] = { "KEXEC" };
	static const long two[] = { 2 }, three[] = { 3 };
	char path[128];
	(void)state;

	snprintf(path, sizeof(path), "%s/dupvalue", tmpdir);
	write_61_plus(path, dup_value, two, 1);
	assert_refused(path, -EINVAL,
		       "LOCKDOWN_DEV_MEM and LOCKDOWN_SECOND_DEV_MEM have the same "
		       "value 2");
	snprintf(path, sizeof(path), "%s/dupname", tmpdir);
	write_61_plus(path, dup_name, three, 1);
	assert_refused(path, -EINVAL, "has LOCKDOWN_KEXEC twice");
	{
		/* Two spellings of one reason. */
		static const char *const both[] = { "NONE", "BPF_READ", "INTEGRITY_MAX",
						    "BPF_READ_KERNEL", "CONFIDENTIALITY_MAX" };
		static const long v[] = { 0, 1, 2, 3, 4 };

		snprintf(path, sizeof(path), "%s/bothnames", tmpdir);
		ld_test_write_btf_values(path, "lockdown_reason", both, v, 5, false);
		assert_refused(path, -EINVAL, "two names of reason bpf_read_kernel");
	}
}

static void test_bad_names(void **state)
{
	static const char *const bad[] = {
		"LOCKDOWN_DEV\x1b[31mMEM", /* an escape sequence */
		"LOCKDOWN_dev_mem",	   /* lower case */
		"LOCKDOWN_",		   /* nothing after the prefix */
		"NOT_LOCKDOWN",		   /* no prefix */
		"LOCKDOWN_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", /* 48 */
		"LOCKDOWN_D\xc3\xa9V",						     /* not ASCII */
	};
	char path[128];
	(void)state;

	for (size_t i = 0; i < N(bad); i++) {
		const char *names[] = { "LOCKDOWN_NONE", bad[i], "LOCKDOWN_INTEGRITY_MAX",
					"LOCKDOWN_CONFIDENTIALITY_MAX" };
		static const long v[] = { 0, 1, 2, 3 };

		snprintf(path, sizeof(path), "%s/badname%zu", tmpdir, i);
		ld_test_write_btf_values(path, "lockdown_reason", names, v, 4, true);
		assert_refused(path, -EINVAL, "is not LOCKDOWN_ and 1 to 47 upper-case letters");
	}
	{
		/* 47 characters after the prefix are fine. */
		static const char *const ok[] = {
			"NONE",
			"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"INTEGRITY_MAX",
			"CONFIDENTIALITY_MAX",
		};
		struct ld_reasons rs;

		load(ok, N(ok), &rs);
		assert_int_equal(rs.count, 1);
		assert_int_equal(strlen(rs.r[0].name), 47);
	}
}

static void test_marker_values(void **state)
{
	char path[128];
	(void)state;

	{
		static const char *const after[] = { "KEXEC_LATER" };
		static const long v[] = { 40 };

		snprintf(path, sizeof(path), "%s/after", tmpdir);
		write_61_plus(path, after, v, 1);
		assert_refused(path, -EINVAL, "comes after LOCKDOWN_CONFIDENTIALITY_MAX (30)");
	}
	{
		static const char *const neg[] = { "NEGATIVE" };
		static const long v[] = { -1 };

		snprintf(path, sizeof(path), "%s/negative", tmpdir);
		write_61_plus(path, neg, v, 1);
		assert_refused(path, -EINVAL, "negative value");
	}
	{
		static const char *const names[] = { "NONE", "DEV_MEM", "CONFIDENTIALITY_MAX",
						     "INTEGRITY_MAX" };
		static const long v[] = { 0, 1, 2, 3 };

		snprintf(path, sizeof(path), "%s/order", tmpdir);
		ld_test_write_btf_values(path, "lockdown_reason", names, v, 4, false);
		assert_refused(path, -EINVAL, "out of order");
	}
	{
		/* Reason numbers up to 63 fit the 64 slots; 64 does not. */
		static const char *const names[] = { "NONE", "DEV_MEM", "INTEGRITY_MAX", "KCORE",
						     "CONFIDENTIALITY_MAX" };
		long v[] = { 0, 1, 2, 63, 64 };
		struct ld_reasons rs;
		char err[256];

		snprintf(path, sizeof(path), "%s/wide", tmpdir);
		ld_test_write_btf_values(path, "lockdown_reason", names, v, 5, false);
		assert_int_equal(ld_reasons_load(path, &rs, err, sizeof(err)), 0);
		assert_int_equal(ld_reason_by_name(&rs, "kcore")->number, 63);
		v[3] = 64;
		v[4] = 65;
		ld_test_write_btf_values(path, "lockdown_reason", names, v, 5, false);
		assert_refused(path, -E2BIG,
			       "reason numbers up to 64; this lockdown holds numbers "
			       "below 64 (LD_REASONS)");
	}
}

static void test_hostile_files(void **state)
{
	char path[128];
	struct stat st;
	FILE *f;
	(void)state;

	/* BTF's magic, then 65 MiB (sparse): refused by its size, before reading a byte. */
	snprintf(path, sizeof(path), "%s/huge.btf", tmpdir);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite("\x9f\xeb\x01\x00", 1, 4, f), 4);
	fclose(f);
	assert_int_equal(truncate(path, (off_t)LD_BTF_MAX_BYTES + (1 << 20)), 0);
	assert_refused(path, -EFBIG, "larger than the 64 MiB a kernel's BTF can be");
	/* Garbage after the magic: the tool's words, not libbpf's. */
	f = fopen(path, "wb");
	assert_non_null(f);
	fputs("\x9f\xeb\x01\x00garbage that is no BTF header", f);
	fclose(f);
	assert_refused(path, -EINVAL, "malformed BTF");
	/* A FIFO, a directory: refused at once. */
	snprintf(path, sizeof(path), "%s/fifo", tmpdir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_refused(path, -LD_ENOTREG, "not a regular file");
	assert_refused(tmpdir, -EISDIR, "is a directory");
	assert_int_equal(stat(path, &st), 0);
}

static void test_elf_files(void **state)
{
	struct ld_reasons rs;
	char path[128], btf[128], err[256];
	void *data;
	size_t n;
	FILE *f;
	(void)state;

	snprintf(btf, sizeof(btf), "%s/k61.btf", tmpdir);
	ld_test_write_btf(btf, "lockdown_reason", ld_test_k61.names, ld_test_k61.count);
	f = fopen(btf, "rb");
	assert_non_null(f);
	data = malloc(1 << 16);
	n = fread(data, 1, 1 << 16, f);
	fclose(f);
	assert_true(n > 0);

	/* A vmlinux-like ELF file: .BTF is found and read. */
	snprintf(path, sizeof(path), "%s/vmlinux", tmpdir);
	ld_test_write_elf(path, ".BTF", data, n);
	assert_int_equal(ld_reasons_load(path, &rs, err, sizeof(err)), 0);
	assert_int_equal(rs.count, 28);
	assert_int_equal(ld_reason_by_name(&rs, "tracefs")->number, 27);
	/* The same from memory, as the fuzzer reads it. */
	{
		char *elf;
		size_t elen;

		f = fopen(path, "rb");
		elf = malloc(1 << 17);
		elen = fread(elf, 1, 1 << 17, f);
		fclose(f);
		assert_int_equal(ld_reasons_from_mem("mem", elf, elen, &rs, err, sizeof(err)), 0);
		assert_int_equal(rs.count, 28);
		/* Cut short: an error, not a crash. */
		assert_true(ld_reasons_from_mem("mem", elf, elen / 2, &rs, err, sizeof(err)) < 0);
		free(elf);
	}
	/* No .BTF section; .BTF with garbage. */
	ld_test_write_elf(path, ".text", data, n);
	assert_refused(path, -ENOENT, "an ELF file without a .BTF section");
	ld_test_write_elf(path, ".BTF", "\x9f\xeb garbage", 10);
	assert_refused(path, -EINVAL, "malformed BTF");
	/* Something that only starts like ELF. */
	f = fopen(path, "wb");
	fputs("\x7f"
	      "ELF and then nothing",
	      f);
	fclose(f);
	assert_refused(path, -EINVAL, "a damaged ELF file");
	free(data);
}

static void test_suggest(void **state)
{
	(void)state;
	assert_string_equal(ld_reason_suggest("dev_men"), "dev_mem");
	assert_string_equal(ld_reason_suggest("trace_fs"), "tracefs");
	assert_string_equal(ld_reason_suggest("hibernate"), "hibernation");
	assert_string_equal(ld_reason_suggest("kprobe"), "kprobes");
	assert_null(ld_reason_suggest("banana_split_sundae"));
	assert_null(ld_reason_suggest("x"));
}

static void test_catalog(void **state)
{
	(void)state;
	assert_non_null(ld_catalog_lookup("bpf_read"));
	assert_string_equal(ld_catalog_lookup("bpf_read")->name, "bpf_read_kernel");
	assert_int_equal(ld_catalog_lookup("perf")->class, LD_CLASS_CONFIDENTIALITY);
	assert_null(ld_catalog_lookup("integrity_max"));
	for (unsigned int i = 0; i < ld_catalog_count; i++)
		for (unsigned int j = i + 1; j < ld_catalog_count; j++)
			assert_string_not_equal(ld_catalog[i].name, ld_catalog[j].name);
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];
	(void)state;

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_510_numbering),
		cmocka_unit_test(test_61_numbering),
		cmocka_unit_test(test_old_bpf_read_and_unknown_names),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_garbage_file),
		cmocka_unit_test(test_no_enum),
		cmocka_unit_test(test_missing_markers),
		cmocka_unit_test(test_crafted_65_reasons),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_bad_names),
		cmocka_unit_test(test_marker_values),
		cmocka_unit_test(test_hostile_files),
		cmocka_unit_test(test_elf_files),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_catalog),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
