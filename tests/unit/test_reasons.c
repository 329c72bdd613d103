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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kernels.h"
#include "reasons.h"

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
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_catalog),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
