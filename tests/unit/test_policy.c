// SPDX-License-Identifier: GPL-2.0-only
/*
 * The policy language and its compiler: every error path with its file:line message,
 * warnings, groups in the 5.10 and 6.1 numberings (BTF written here with libbpf's writer),
 * line order, subjects with real files (dev/ino), cgroup directories and user names,
 * limits, the digest, the presets, and check/explain end to end.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <bpf/btf.h>
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "mountinfo.h"
#include "cmds.h"
#include "kernels.h"
#include "policy/policy.h"
#include "util.h"

/* Before 5.14: LOCKDOWN_BPF_READ. */
static const char *const kold[] = {
	"NONE", "MODULE_SIGNATURE", "DEV_MEM", "INTEGRITY_MAX", "BPF_READ", "CONFIDENTIALITY_MAX",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static char tmpdir[] = "/tmp/ld-test-policy-XXXXXX";
static char btf61_path[256];
static struct ld_reasons rs510, rs61, rsold;
static struct ld_policy_opts topts; /* cgroup root and passwd in tmpdir */
static char cgroot[256], passwd[256];

static void load_rs(const char *name, const char *const *names, size_t n, struct ld_reasons *rs,
		    char *path_out)
{
	char path[256], err[256];

	snprintf(path, sizeof(path), "%s/%s.btf", tmpdir, name);
	ld_test_write_btf(path, "lockdown_reason", names, n);
	assert_int_equal(ld_reasons_load(path, rs, err, sizeof(err)), 0);
	if (path_out)
		strcpy(path_out, path);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static unsigned int num(const struct ld_reasons *rs, const char *name)
{
	const struct ld_reason *r = ld_reason_by_name(rs, name);

	assert_non_null(r);
	return r->number;
}

/* Compile text as "t.conf" with the test options. */
static int compile(const char *text, const struct ld_reasons *rs, struct ld_compiled *c,
		   struct ld_diag *d)
{
	memset(d, 0, sizeof(*d));
	return ld_policy_compile_buffer("t.conf", text, strlen(text), rs, &topts, c, d);
}

/* The message at line with severity sev contains want (and there is exactly one such line). */
static void assert_diag(const struct ld_diag *d, enum ld_severity sev, unsigned int line,
			const char *want)
{
	for (size_t i = 0; i < d->count; i++) {
		const struct ld_diag_msg *m = &d->msgs[i];

		if (m->severity == sev && m->line == line && strstr(m->text, want))
			return;
	}
	ld_diag_print(d, stderr);
	fail_msg("no %s at line %u containing '%s'", sev == LD_DIAG_ERROR ? "error" : "warning",
		 line, want);
}

/* text must fail to compile with one error at line, containing want; nothing compiled. */
static void assert_invalid(const char *text, const struct ld_reasons *rs, unsigned int line,
			   const char *want)
{
	struct ld_compiled c;
	struct ld_diag d;

	assert_int_equal(compile(text, rs, &c, &d), -EINVAL);
	assert_true(d.errors >= 1);
	assert_diag(&d, LD_DIAG_ERROR, line, want);
	assert_int_equal(c.pol.nrules, 0);
	assert_null(c.exes);
	assert_null(c.cgroups);
	assert_null(c.uids);
	ld_diag_free(&d);
}

static void compile_ok(const char *text, const struct ld_reasons *rs, struct ld_compiled *c,
		       unsigned int want_warnings)
{
	struct ld_diag d;
	int ret = compile(text, rs, c, &d);

	if (ret != 0 || d.warnings != want_warnings)
		ld_diag_print(&d, stderr);
	assert_int_equal(ret, 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, want_warnings);
	ld_diag_free(&d);
}

/* Every reason of rs has action act in row r exactly when pred(class) holds; others allow. */
static void assert_row_by_class(const struct ld_compiled *c, unsigned int r,
				const struct ld_reasons *rs, int want_integrity,
				int want_confidentiality)
{
	for (unsigned int i = 0; i < rs->count; i++) {
		const struct ld_reason *x = &rs->r[i];
		int want = x->class == LD_CLASS_INTEGRITY ? want_integrity : want_confidentiality;

		if (c->pol.action[r][x->number] != want)
			fail_msg("rule %u reason %s (%u): action %u, want %d", r, x->name,
				 x->number, c->pol.action[r][x->number], want);
	}
	/* Numbers that are no reason of this kernel stay allow. */
	for (unsigned int k = 0; k < LD_REASONS; k++)
		if (!ld_reason_by_number(rs, k))
			assert_int_equal(c->pol.action[r][k], LD_ACT_ALLOW);
}

/* ---- basics -------------------------------------------------------------------------- */

/* An empty or comment-only file is refused; [Policy] alone allows everything, with a warning. */
static void test_empty_policy(void **state)
{
	struct ld_compiled c;
	struct ld_diag d;
	(void)state;

	assert_invalid("", &rs61, 0, "no section: an empty policy is refused");
	assert_invalid("# only a comment\n\n; and another\n", &rs61, 0, "no section");
	assert_invalid("\xef\xbb\xbf\n", &rs61, 0, "no section");

	assert_int_equal(compile("# only a comment\n[Policy]\n", &rs61, &c, &d), 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 1);
	assert_diag(&d, LD_DIAG_WARNING, 2, "allows every reason to every task");
	ld_diag_free(&d);
	assert_int_equal(c.pol.nrules, 1);
	assert_int_equal(c.pol.mode, LD_MODE_ENFORCE);
	assert_int_equal(c.pol.rate_limit, LD_DEFAULT_RATE_LIMIT);
	assert_int_equal(c.pol.host_rule, LD_RULE_NONE);
	assert_string_equal(c.rule_names[0], "default");
	assert_string_equal(c.source, "t.conf");
	assert_int_equal(c.rule_lines[0], 2);
	assert_row_by_class(&c, 0, &rs61, LD_ACT_ALLOW, LD_ACT_ALLOW);
	ld_compiled_free(&c);

	/* Allowing everything explicitly says the same; anything denied or audited does not. */
	compile_ok("[Policy]\nAllow=all\n", &rs61, &c, 1);
	ld_compiled_free(&c);
	compile_ok("[Policy]\nAudit=kexec\n", &rs61, &c, 0);
	ld_compiled_free(&c);
	compile_ok("[Policy]\n[h]\nHost=yes\n", &rs61, &c, 0);
	ld_compiled_free(&c);
}

static void test_groups_per_numbering(void **state)
{
	const struct ld_reasons *all[] = { &rs510, &rs61 };
	struct ld_compiled c;
	(void)state;

	for (int k = 0; k < 2; k++) {
		const struct ld_reasons *rs = all[k];

		compile_ok("[Policy]\nDeny=integrity\n", rs, &c, 0);
		assert_row_by_class(&c, 0, rs, LD_ACT_DENY, LD_ACT_ALLOW);
		ld_compiled_free(&c);
		compile_ok("[Policy]\nDeny=confidentiality\n", rs, &c, 0);
		assert_row_by_class(&c, 0, rs, LD_ACT_ALLOW, LD_ACT_DENY);
		ld_compiled_free(&c);
		compile_ok("[Policy]\nAudit=all\n", rs, &c, 0);
		assert_row_by_class(&c, 0, rs, LD_ACT_AUDIT, LD_ACT_AUDIT);
		ld_compiled_free(&c);
	}
	/* The same name lands on each kernel's own number. */
	compile_ok("[Policy]\nDeny=tracefs\n", &rs510, &c, 0);
	assert_int_equal(c.pol.action[0][24], LD_ACT_DENY);
	assert_int_equal(c.pol.action[0][27], LD_ACT_ALLOW);
	ld_compiled_free(&c);
	compile_ok("[Policy]\nDeny=tracefs\n", &rs61, &c, 0);
	assert_int_equal(c.pol.action[0][27], LD_ACT_DENY);
	assert_int_equal(c.pol.action[0][24], LD_ACT_ALLOW); /* bpf_read_kernel on 6.1 */
	ld_compiled_free(&c);
	/* 6.1's xen_user_actions (20) is integrity; 5.10's 20 is kprobes (confidentiality). */
	compile_ok("[Policy]\nDeny=integrity\n", &rs61, &c, 0);
	assert_int_equal(c.pol.action[0][20], LD_ACT_DENY);
	ld_compiled_free(&c);
	compile_ok("[Policy]\nDeny=integrity\n", &rs510, &c, 0);
	assert_int_equal(c.pol.action[0][20], LD_ACT_ALLOW);
	ld_compiled_free(&c);
}

static void test_lines_apply_in_order(void **state)
{
	struct ld_compiled c;
	unsigned int hib = num(&rs61, "hibernation"), mem = num(&rs61, "dev_mem");
	(void)state;

	compile_ok("[Policy]\nDeny=all\nAllow=hibernation\n", &rs61, &c, 0);
	assert_int_equal(c.pol.action[0][hib], LD_ACT_ALLOW);
	assert_int_equal(c.pol.action[0][mem], LD_ACT_DENY);
	ld_compiled_free(&c);
	compile_ok("[Policy]\nAllow=hibernation\nDeny=all\n", &rs61, &c, 0);
	assert_int_equal(c.pol.action[0][hib], LD_ACT_DENY);
	ld_compiled_free(&c);
	compile_ok("[Policy]\nDeny=all\nAudit=integrity\nAllow=dev_mem\n", &rs61, &c, 0);
	assert_int_equal(c.pol.action[0][hib], LD_ACT_AUDIT);
	assert_int_equal(c.pol.action[0][mem], LD_ACT_ALLOW);
	assert_int_equal(c.pol.action[0][num(&rs61, "kcore")], LD_ACT_DENY);
	ld_compiled_free(&c);
}

static void test_words_case_commas_comments(void **state)
{
	struct ld_compiled c;
	(void)state;

	compile_ok("; comment\n# comment\n  [Policy]   # trailing\n"
		   "Deny = DEV_MEM,kcore  kexec ; inline\nAudit=perf # the rest is a comment\n",
		   &rs61, &c, 0);
	assert_int_equal(c.pol.action[0][num(&rs61, "dev_mem")], LD_ACT_DENY);
	assert_int_equal(c.pol.action[0][num(&rs61, "kcore")], LD_ACT_DENY);
	assert_int_equal(c.pol.action[0][num(&rs61, "kexec")], LD_ACT_DENY);
	assert_int_equal(c.pol.action[0][num(&rs61, "perf")], LD_ACT_AUDIT);
	assert_int_equal(c.pol.action[0][num(&rs61, "tracefs")], LD_ACT_ALLOW);
	ld_compiled_free(&c);

	/* '#' after white space ends every kind of value; inside a word it does not. */
	compile_ok("[Policy]\nMode=audit # watch first\nRateLimit=7 # per second\n"
		   "[h]\nHost=yes # the host\n",
		   &rs61, &c, 0);
	assert_int_equal(c.pol.mode, LD_MODE_AUDIT);
	assert_int_equal(c.pol.rate_limit, 7);
	assert_int_equal(c.pol.host_rule, 1);
	ld_compiled_free(&c);
	assert_invalid("[h]\nUser=1#2\n", &rs61, 2, "user '1#2': not a valid uid");
}

static void test_mode_and_rate_limit(void **state)
{
	struct ld_compiled c;
	struct ld_diag d = { 0 };
	struct ld_policy_opts o = topts;
	const char *text = "[Policy]\nMode=enforce\nDeny=all\n";
	(void)state;

	compile_ok("[Policy]\nMode=audit\nRateLimit=0\nDeny=kexec\n", &rs61, &c, 0);
	assert_int_equal(c.pol.mode, LD_MODE_AUDIT);
	assert_int_equal(c.pol.rate_limit, 0);
	ld_compiled_free(&c);
	compile_ok("[Policy]\nRateLimit=65535\nDeny=kexec\n", &rs61, &c, 0);
	assert_int_equal(c.pol.rate_limit, 65535);
	ld_compiled_free(&c);

	/* apply --audit: forced whatever the file says. */
	o.force_audit = true;
	assert_int_equal(ld_policy_compile_buffer("t.conf", text, strlen(text), &rs61, &o, &c, &d),
			 0);
	assert_int_equal(c.pol.mode, LD_MODE_AUDIT);
	assert_int_equal(c.pol.action[0][num(&rs61, "dev_mem")], LD_ACT_DENY);
	ld_compiled_free(&c);
	ld_diag_free(&d);

	assert_invalid("[Policy]\nMode=permissive\n", &rs61, 2, "expected enforce or audit");
	assert_invalid("[Policy]\nMode=audit\nMode=enforce\n", &rs61, 3,
		       "Mode= given twice (first at line 2)");
	assert_invalid("[Policy]\nRateLimit=65536\n", &rs61, 2, "RateLimit=65536");
	assert_invalid("[Policy]\nRateLimit=-1\n", &rs61, 2, "RateLimit=-1");
	assert_invalid("[Policy]\nRateLimit=ten\n", &rs61, 2, "RateLimit=ten");
	assert_invalid("[Policy]\nRateLimit=1\nRateLimit=2\n", &rs61, 3, "given twice");
}

/* ---- reason names ---------------------------------------------------------------------- */

static void test_typo_suggests(void **state)
{
	struct ld_compiled c;
	struct ld_diag d;
	char line[640];
	(void)state;

	assert_int_equal(compile("[Policy]\nDeny=dev_men\n", &rs61, &c, &d), -EINVAL);
	assert_int_equal(d.errors, 1);
	ld_diag_format(&d.msgs[0], line, sizeof(line));
	assert_string_equal(line,
			    "t.conf:2: error: unknown reason 'dev_men'; did you mean dev_mem?");
	ld_diag_free(&d);

	assert_invalid("[Policy]\nAllow=kexec\n\nAudit=trace_fs kcore\n", &rs61, 4,
		       "did you mean tracefs?");
	assert_invalid("[x]\nUser=0\nDeny=hibernate\n", &rs61, 3, "did you mean hibernation?");
	assert_invalid("[Policy]\nDeny=banana_split_sundae\n", &rs61, 2,
		       "unknown reason 'banana_split_sundae' (groups: all, integrity");
	assert_invalid("[Policy]\nDeny=\n", &rs61, 2, "Deny= needs reason names");
	assert_invalid("[Policy]\nAllow=  # nothing\n", &rs61, 2, "Allow= needs reason names");
}

static void test_reason_of_other_kernels_warns(void **state)
{
	struct ld_compiled c;
	struct ld_diag d;
	(void)state;

	/* device_tree: 6.1 has it, 5.10 does not. */
	assert_int_equal(
		compile("[Policy]\nDeny=dev_mem\nDeny=device_tree kexec\n", &rs510, &c, &d), 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 1);
	assert_diag(&d, LD_DIAG_WARNING, 3, "reason 'device_tree' does not exist in this kernel");
	assert_int_equal(c.pol.action[0][num(&rs510, "kexec")], LD_ACT_DENY);
	ld_diag_free(&d);
	ld_compiled_free(&c);

	compile_ok("[Policy]\nDeny=device_tree\n", &rs61, &c, 0);
	assert_int_equal(c.pol.action[0][num(&rs61, "device_tree")], LD_ACT_DENY);
	ld_compiled_free(&c);
}

static void test_bpf_read_alias(void **state)
{
	struct ld_compiled c;
	(void)state;

	/* Both spellings, on the old kernel (LOCKDOWN_BPF_READ) and on 6.1. */
	compile_ok("[Policy]\nDeny=bpf_read_kernel\n", &rsold, &c, 0);
	assert_int_equal(c.pol.action[0][4], LD_ACT_DENY);
	ld_compiled_free(&c);
	compile_ok("[Policy]\nDeny=bpf_read\n", &rs61, &c, 0);
	assert_int_equal(c.pol.action[0][num(&rs61, "bpf_read_kernel")], LD_ACT_DENY);
	ld_compiled_free(&c);
}

/* ---- structure errors ------------------------------------------------------------------ */

static void test_structure_errors(void **state)
{
	(void)state;
	assert_invalid("Deny=all\n[Policy]\n", &rs61, 1, "before any section");
	assert_invalid("[Policy]\nFoo=1\n", &rs61, 2, "unknown key 'Foo' in [Policy]");
	assert_invalid("[Policy]\ndeny=all\n", &rs61, 2, "did you mean Deny=?");
	assert_invalid("[Policy]\nExecutable=/bin/sh\n", &rs61, 2,
		       "Executable= names a subject: put it in a section of its own");
	assert_invalid("[x]\nHost=yes\nMode=audit\n", &rs61, 3,
		       "Mode= applies to the whole policy");
	assert_invalid("[x]\nHost=yes\nColor=red\n", &rs61, 3, "unknown key 'Color' in [x]");
	assert_invalid("[Policy]\nDeny=all\nthis is no key\n", &rs61, 3,
		       "expected 'Key=value', '[Section]' or a comment");
	assert_invalid("[Policy\nDeny=all\n", &rs61, 1, "section header without ']'");
	assert_invalid("[Policy] junk\n", &rs61, 1, "unexpected text after section header");
	assert_invalid("[Policy]\n[x]\nHost=yes\n[Policy]\n", &rs61, 4,
		       "section [Policy] appears twice (first at t.conf:1)");
	assert_invalid("[a]\nUser=1\n\n[a]\nUser=2\n", &rs61, 4,
		       "section [a] appears twice (first at t.conf:1)");
	assert_invalid("[policy]\nDeny=all\n", &rs61, 1, "did you mean [Policy]?");
	assert_invalid("[default]\nUser=1\n", &rs61, 1, "reserved");
	assert_invalid("[web server]\nUser=1\n", &rs61, 1, "may only contain letters");
	assert_invalid("[]\nUser=1\n", &rs61, 1, "may only contain letters");
	assert_invalid("[aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa]\nUser=1\n", &rs61,
		       1, "too long");
	assert_invalid("[Policy]\n[lonely]\nDeny=all\n", &rs61, 2,
		       "section [lonely] names no subject");
	assert_invalid("[x]\nHost=no\n", &rs61, 1, "section [x] names no subject");
	assert_invalid("[x]\nHost=maybe\n", &rs61, 2, "expected yes or no");
}

static void test_errors_in_several_places(void **state)
{
	struct ld_compiled c;
	struct ld_diag d;
	(void)state;

	/* All errors are reported, each with its line; a warning does not hide them. */
	assert_int_equal(compile("[Policy]\nDeny=dev_men\nDeny=device_tree\nMode=x\nFoo=1\n",
				 &rs510, &c, &d),
			 -EINVAL);
	assert_int_equal(d.errors, 3);
	assert_int_equal(d.warnings, 1);
	assert_diag(&d, LD_DIAG_ERROR, 2, "dev_mem");
	assert_diag(&d, LD_DIAG_WARNING, 3, "device_tree");
	assert_diag(&d, LD_DIAG_ERROR, 4, "Mode=x");
	assert_diag(&d, LD_DIAG_ERROR, 5, "Foo");
	ld_diag_free(&d);
}

static void test_line_limits(void **state)
{
	char *text;
	size_t n = 5000;
	(void)state;

	text = malloc(n + 64);
	assert_non_null(text);
	strcpy(text, "[Policy]\nDeny=");
	memset(text + strlen(text), 'a', n);
	strcpy(text + 14 + n, "\n");
	assert_invalid(text, &rs61, 2, "line too long");
	free(text);

	{
		static const char nul[] = "[Policy]\nDeny=all\0junk\n";
		struct ld_compiled c;
		struct ld_diag d = { 0 };

		assert_int_equal(ld_policy_compile_buffer("t.conf", nul, sizeof(nul) - 1, &rs61,
							  &topts, &c, &d),
				 -EINVAL);
		assert_diag(&d, LD_DIAG_ERROR, 2, "NUL byte");
		ld_diag_free(&d);
	}
}

/* The limit is exact: LD_POLICY_MAX_LINE bytes pass, one more is an error; "\r\n" is a line end. */
static void test_line_limit_exact(void **state)
{
	struct ld_compiled c;
	size_t n = LD_POLICY_MAX_LINE;
	char *text = malloc(n + 64);
	(void)state;

	assert_int_equal(LD_POLICY_MAX_LINE, 4096);
	for (int extra = 0; extra <= 1; extra++) {
		for (int crlf = 0; crlf <= 1; crlf++) {
			size_t len = n + (size_t)extra;

			/* "Deny=kexec" then spaces up to len bytes. */
			strcpy(text, "[Policy]\nDeny=kexec");
			memset(text + 19, ' ', len - 10);
			strcpy(text + 9 + len, crlf ? "\r\n" : "\n");
			assert_int_equal(strlen(text), 9 + len + 1 + (size_t)crlf);
			if (!extra) {
				compile_ok(text, &rs61, &c, 0);
				assert_int_equal(c.pol.action[0][num(&rs61, "kexec")], LD_ACT_DENY);
				ld_compiled_free(&c);
			} else {
				assert_invalid(
					text, &rs61, 2,
					"line too long: 4097 bytes (at most 4096, not counting "
					"the line end)");
			}
		}
	}
	free(text);
}

/* Keys and values are separated by '=': inih's "Key: value" is an error, not a key. */
static void test_colon_is_no_separator(void **state)
{
	struct ld_compiled c;
	(void)state;

	assert_invalid("[Policy]\nDeny: dev_mem\n", &rs61, 2,
		       "keys and values are separated by '=', not ':'");
	assert_invalid("[Policy]\nDeny : dev_mem\n", &rs61, 2, "not ':'");
	assert_invalid("[Policy]\nDeny=kexec\nDeny\n", &rs61, 3, "expected 'Key=value'");
	assert_invalid("[Policy]\n=kexec\n", &rs61, 2, "'=' without a key");
	assert_invalid("[Policy]\nDe ny=kexec\n", &rs61, 2, "is not a key");
	/* A ':' after the '=' is part of the value (cgroup paths, names). */
	compile_ok("[Policy]\nDeny=kexec\n[x]\nUser=0\nAllow=kexec # a:b\n", &rs61, &c, 0);
	ld_compiled_free(&c);
}

/* Host= takes one word: "yes no" and trailing words are errors, not "yes". */
static void test_host_whole_value(void **state)
{
	struct ld_compiled c;
	(void)state;

	assert_invalid("[h]\nHost=yes no\n", &rs61, 2, "Host=yes no: expected yes or no");
	assert_invalid("[h]\nHost=yes please\n", &rs61, 2, "expected yes or no");
	assert_invalid("[h]\nHost=no yes\n", &rs61, 2, "expected yes or no");
	compile_ok("[Policy]\nDeny=all\n[h]\nHost = YES # the host\n", &rs61, &c, 0);
	assert_int_equal(c.pol.host_rule, 1);
	ld_compiled_free(&c);
}

/* The kernel runs only files with an execute bit: naming another file is a mistake. */
static void test_executable_needs_exec_bit(void **state)
{
	char path[300], text[600];
	struct ld_compiled c;
	(void)state;

	snprintf(path, sizeof(path), "%s/not-executable", tmpdir);
	write_file(path, "#!/bin/sh\n");
	assert_int_equal(chmod(path, 0644), 0);
	snprintf(text, sizeof(text), "[Policy]\nDeny=all\n[x]\nExecutable=%s\n", path);
	assert_invalid(text, &rs61, 4, "has no execute permission");
	assert_int_equal(chmod(path, 0744), 0); /* any execute bit will do */
	compile_ok(text, &rs61, &c, 0);
	ld_compiled_free(&c);
}

/* White space separates paths; a comma is part of a name, as the docs say. */
static void test_comma_in_path(void **state)
{
	char dir[300], tool[340], text[800];
	struct ld_compiled c;
	struct stat st;
	(void)state;

	snprintf(dir, sizeof(dir), "%s/with,comma", tmpdir);
	assert_int_equal(mkdir(dir, 0755), 0);
	snprintf(tool, sizeof(tool), "%s/tool", dir);
	write_file(tool, "#!/bin/sh\n");
	assert_int_equal(chmod(tool, 0755), 0);
	assert_int_equal(stat(tool, &st), 0);
	snprintf(text, sizeof(text), "[Policy]\nDeny=all\n[x]\nExecutable=%s\n", tool);
	compile_ok(text, &rs61, &c, 0);
	assert_int_equal(c.nexes, 1);
	assert_int_equal(c.exes[0].ino, (__u64)st.st_ino);
	assert_string_equal(c.exes[0].path, tool);
	ld_compiled_free(&c);
	/* Two paths joined by a comma are one (missing) path, and the error says why. */
	assert_invalid("[x]\nExecutable=/bin/true,/bin/false\n", &rs61, 2,
		       "paths are separated by white space");
	/* Reason lists and users still take commas. */
	compile_ok("[Policy]\nDeny=kexec,dev_mem\n[u]\nUser=1,2\n", &rs61, &c, 0);
	assert_int_equal(c.nuids, 2);
	ld_compiled_free(&c);
}

/* A policy is UTF-8 text: control bytes and other bytes are errors, and never echoed raw. */
static void test_control_bytes(void **state)
{
	static const char *const bad[] = {
		"[Policy]\nDeny=kexec \x1b[2J\n",
		"[Policy]\nDeny=kexec\x07\n",
		"[Policy]\nDeny=kexec \xff\xfe\n",
		"[Policy]\nDeny=\xc3\n",
		"[Policy]\nDeny=kexec\rdev_mem\n",
		"[Policy]\nDeny=kexec \xc2\x9b"
		"31m\n",
	};
	struct ld_compiled c;
	struct ld_diag d;
	char line[2600];
	(void)state;

	for (size_t i = 0; i < N(bad); i++) {
		assert_int_equal(compile(bad[i], &rs61, &c, &d), -EINVAL);
		assert_diag(&d, LD_DIAG_ERROR, 2, "is a control character or not UTF-8");
		for (size_t k = 0; k < d.count; k++) {
			ld_diag_format(&d.msgs[k], line, sizeof(line));
			assert_true(ld_text_ok(line, strlen(line)));
		}
		ld_diag_free(&d);
	}
	/* A rejected header does not let its keys fall into the section before. */
	assert_int_equal(compile("[Policy]\nDeny=kexec\n[x\x1b]\nUser=0\n", &rs61, &c, &d),
			 -EINVAL);
	assert_int_equal(d.errors, 1);
	ld_diag_free(&d);
	/* UTF-8 text is fine (in a comment), and so are tabs and "\r\n". */
	compile_ok("# caf\xc3\xa9 \xe2\x80\x94 policy\r\n[Policy]\r\n\tDeny=kexec\t# tab\r\n",
		   &rs61, &c, 0);
	ld_compiled_free(&c);
	/* The file name is shown escaped too. */
	assert_int_equal(ld_policy_compile_buffer("\x1b]0;t\x07.conf", "[Policy]\nDeny=x\n", 16,
						  &rs61, &topts, &c, &d),
			 -EINVAL);
	ld_diag_format(&d.msgs[0], line, sizeof(line));
	assert_true(ld_text_ok(line, strlen(line)));
	assert_non_null(strstr(line, "\\x1b]0;t\\x07.conf:2: error:"));
	ld_diag_free(&d);
}

/* A section that is nearly [Policy] and names no subject was meant to be [Policy]. */
static void test_policy_section_typo(void **state)
{
	(void)state;
	assert_invalid("[Polcy]\nDeny=dev_mem\n", &rs61, 1,
		       "section [Polcy] names no subject; did you mean [Policy]?");
	assert_invalid("[Polices]\nDeny=dev_mem\n", &rs61, 1, "did you mean [Policy]?");
	assert_invalid("[Plicy]\nMode=audit\n", &rs61, 1, "did you mean [Policy]?");
	assert_invalid("[lonely]\nDeny=all\n", &rs61, 1, "names no subject (Executable=");
}

/*
 * inih's public interface only: what upstream and every distribution ship. Debian's build
 * also exports its switches as variables; set them to upstream's defaults (200-byte lines,
 * multi-line values on) and the language must not change.
 */
extern int ini_max_line __attribute__((weak));
extern bool ini_allow_multiline __attribute__((weak));
extern char *ini_inline_comment_prefixes __attribute__((weak));

static void test_inih_build_options_do_not_matter(void **state)
{
	char *text = malloc(5000);
	struct ld_compiled c;
	size_t off;
	(void)state;

	if (&ini_max_line) {
		ini_max_line = 200;
		ini_allow_multiline = true;
	}
	if (&ini_inline_comment_prefixes)
		ini_inline_comment_prefixes = "";
	/* A 3000-byte line, an indented line (no continuation), inline ';' comments. */
	off = (size_t)sprintf(text, "[Policy]\nDeny=kexec");
	memset(text + off, ' ', 3000);
	off += 3000;
	off += (size_t)sprintf(text + off, "dev_mem ; a comment\n  Audit=perf\n\tDeny=kcore\n");
	compile_ok(text, &rs61, &c, 0);
	assert_int_equal(c.pol.action[0][num(&rs61, "kexec")], LD_ACT_DENY);
	assert_int_equal(c.pol.action[0][num(&rs61, "dev_mem")], LD_ACT_DENY);
	assert_int_equal(c.pol.action[0][num(&rs61, "perf")], LD_ACT_AUDIT);
	assert_int_equal(c.pol.action[0][num(&rs61, "kcore")], LD_ACT_DENY);
	ld_compiled_free(&c);
	/* An indented word without '=' is an error, never a continuation of the value above. */
	assert_invalid("[Policy]\nDeny=kexec\n  dev_mem\n", &rs61, 3, "expected 'Key=value'");
	free(text);
}

/* Paths kept in the compiled policy are whole or refused, never shortened. */
static void test_long_paths_refused(void **state)
{
	char text[1200], name[400];
	struct ld_compiled c;
	struct ld_diag d = { 0 };
	(void)state;

	snprintf(text, sizeof(text), "[x]\nExecutable=/%0300d\n", 0);
	assert_invalid(text, &rs61, 2, "Executable=: path too long (301 characters; at most 255)");
	snprintf(text, sizeof(text), "[x]\nCgroup=/%0300d\n", 0);
	assert_invalid(text, &rs61, 2, "Cgroup=: path too long (301 characters; at most 255)");
	snprintf(name, sizeof(name), "/%0300d.conf", 0);
	assert_int_equal(
		ld_policy_compile_buffer(name, "[Policy]\nDeny=kexec\n", 20, &rs61, &topts, &c, &d),
		-ENAMETOOLONG);
	assert_non_null(strstr(d.msgs[0].text, "the policy's path is too long"));
	assert_int_equal(ld_policy_exit_code(-ENAMETOOLONG), LD_EXIT_ERR);
	ld_diag_free(&d);
}

/* A FIFO given as the policy is refused at once. */
static void test_policy_fifo(void **state)
{
	char path[300];
	struct ld_compiled c;
	struct ld_diag d = { 0 };
	(void)state;

	snprintf(path, sizeof(path), "%s/fifo.conf", tmpdir);
	assert_int_equal(mkfifo(path, 0600), 0);
	alarm(20);
	assert_int_equal(ld_policy_compile_file(path, &rs61, &topts, &c, &d), -LD_ENOTREG);
	alarm(0);
	assert_non_null(strstr(d.msgs[0].text, "not a regular file"));
	assert_int_equal(ld_policy_exit_code(-LD_ENOTREG), LD_EXIT_ERR);
	ld_diag_free(&d);
}

/* ---- subjects ------------------------------------------------------------------------ */

/* An executable file (mode 0755) in tmpdir. */
static void make_file(const char *name, char *path, size_t len)
{
	snprintf(path, len, "%s/%s", tmpdir, name);
	write_file(path, "#!/bin/sh\n");
	assert_int_equal(chmod(path, 0755), 0);
}

/* Defined in subjects.c: the super block device of a mount id, from a mountinfo file. */

/*
 * The device the kernel gives the super block under path (sb->s_dev, as major << 20 | minor):
 * field 3 of the mountinfo line of the file's mount. Written here apart from subjects.c, with
 * statx and strtok, so that the tests do not check the code against itself.
 */
static __u64 sb_dev(const char *path)
{
	struct statx stx;
	char line[8192], want[32];
	FILE *f;
	__u64 dev = ~0ULL;

	assert_int_equal(statx(AT_FDCWD, path, 0, STATX_MNT_ID, &stx), 0);
	assert_true(stx.stx_mask & STATX_MNT_ID);
	snprintf(want, sizeof(want), "%llu", (unsigned long long)stx.stx_mnt_id);
	f = fopen("/proc/self/mountinfo", "r");
	assert_non_null(f);
	while (fgets(line, sizeof(line), f)) {
		char *save = NULL, *id = strtok_r(line, " ", &save);
		char *mm;

		strtok_r(NULL, " ", &save);
		mm = strtok_r(NULL, " ", &save);
		if (id && mm && strcmp(id, want) == 0) {
			dev = (strtoull(mm, NULL, 10) << 20) |
			      strtoull(strchr(mm, ':') + 1, NULL, 10);
			break;
		}
	}
	fclose(f);
	assert_true(dev != ~0ULL);
	return dev;
}

static void test_executable_identity(void **state)
{
	char a[300], b[300], text[1024];
	struct ld_compiled c;
	struct stat sa, sb;
	__u64 deva;
	(void)state;

	make_file("tool-a", a, sizeof(a));
	make_file("tool-b", b, sizeof(b));
	assert_int_equal(stat(a, &sa), 0);
	assert_int_equal(stat(b, &sb), 0);
	/* The super block's device, which is stat()'s on most file systems, not on btrfs. */
	deva = sb_dev(a);

	snprintf(text, sizeof(text),
		 "[Policy]\nDeny=all\n[first]\nExecutable=%s\nAllow=dev_mem\n"
		 "[second]\nExecutable=%s\nAudit=kexec\n",
		 a, b);
	compile_ok(text, &rs61, &c, 0);
	assert_int_equal(c.pol.nrules, 3);
	assert_int_equal(c.nexes, 2);
	for (size_t i = 0; i < 2; i++) {
		const struct ld_exe_rule *e = &c.exes[i];

		assert_int_equal(e->dev, deva);
		if (e->ino == (__u64)sa.st_ino) {
			assert_int_equal(e->rule, 1);
			assert_string_equal(e->path, a);
		} else {
			assert_int_equal(e->ino, (__u64)sb.st_ino);
			assert_int_equal(e->rule, 2);
			assert_string_equal(e->path, b);
		}
	}
	assert_true(c.exes[0].ino < c.exes[1].ino); /* sorted */
	assert_string_equal(c.rule_names[1], "first");
	assert_int_equal(c.rule_lines[1], 3);
	/* Subject rows start from the default row, then apply their own lines. */
	assert_int_equal(c.pol.action[1][num(&rs61, "dev_mem")], LD_ACT_ALLOW);
	assert_int_equal(c.pol.action[1][num(&rs61, "kexec")], LD_ACT_DENY);
	assert_int_equal(c.pol.action[2][num(&rs61, "kexec")], LD_ACT_AUDIT);
	assert_int_equal(c.pol.action[2][num(&rs61, "dev_mem")], LD_ACT_DENY);
	ld_compiled_free(&c);
}

/*
 * ld_mountinfo_dev() on mountinfo files written here: the line of the asked mount id, whatever
 * comes around it (escaped paths, optional fields, a line longer than any buffer whose tail
 * looks like a line of its own), and -ENOENT for an id no line has.
 */
static void test_mountinfo_dev(void **state)
{
	char path[300], *text, *p;
	size_t n = 0, cap = 64 * 1024;
	__u64 dev = 0;
	(void)state;

	text = malloc(cap);
	assert_non_null(text);
	n += (size_t)sprintf(text + n, "22 1 0:21 / /proc rw,nosuid - proc proc rw\n");
	/* A space, a tab, a newline and a backslash in the mount point, and optional fields. */
	n += (size_t)sprintf(text + n, "40 22 0:55 /sub /mnt/a\\040b\\011c\\012d\\134e rw "
				       "shared:7 master:3 - btrfs /dev/vdc rw,subvol=/sub\n");
	/* A mount point of 9000 characters: longer than a fixed line buffer. */
	n += (size_t)sprintf(text + n, "50 22 7:1 / /");
	for (p = text + n; p < text + n + 9000; p++)
		*p = 'x';
	n += 9000;
	n += (size_t)sprintf(text + n, "\\040z rw - ext4 /dev/loop1 rw\n");
	n += (size_t)sprintf(text + n, "60 22 259:3 / /data rw - xfs /dev/nvme0n1p3 rw\n");
	/* A line whose text past 4095 characters reads like the line of mount 77: what a line
	 * holds past a fixed buffer's end is never taken for a line of its own. */
	n += (size_t)sprintf(text + n, "51 22 7:2 / /");
	memset(text + n, 'y', 4095 - 13);
	n += 4095 - 13;
	n += (size_t)sprintf(text + n, " 77 22 8:8 / /fake rw - ext4 /dev/sda rw\n");
	n += (size_t)sprintf(text + n, "4294967296 22 0:99 / /big-id rw - tmpfs tmpfs rw");
	snprintf(path, sizeof(path), "%s/mountinfo", tmpdir);
	write_file(path, text);
	free(text);

	assert_int_equal(ld_mountinfo_dev(path, 40, &dev), 0);
	assert_int_equal(dev, 55); /* 0:55 */
	assert_int_equal(ld_mountinfo_dev(path, 60, &dev), 0);
	assert_int_equal(dev, (259ULL << 20) | 3);
	assert_int_equal(ld_mountinfo_dev(path, 50, &dev), 0);
	assert_int_equal(dev, (7ULL << 20) | 1);
	assert_int_equal(ld_mountinfo_dev(path, 51, &dev), 0);
	assert_int_equal(dev, (7ULL << 20) | 2);
	/* The last line has no newline; its id needs more than 32 bits. */
	assert_int_equal(ld_mountinfo_dev(path, 4294967296ULL, &dev), 0);
	assert_int_equal(dev, 99);
	/* 77 is only the inside of a mount point; 23 is no mount at all. */
	dev = 12345;
	assert_int_equal(ld_mountinfo_dev(path, 77, &dev), -ENOENT);
	assert_int_equal(ld_mountinfo_dev(path, 23, &dev), -ENOENT);
	assert_int_equal(dev, 12345);
	snprintf(path, sizeof(path), "%s/no-such-mountinfo", tmpdir);
	assert_int_equal(ld_mountinfo_dev(path, 40, &dev), -ENOENT);

	/* This process's own mountinfo: the identity of a file is its mount's device. */
	make_file("tool-m", path, sizeof(path));
	{
		__u64 d, ino;
		char err[256];
		struct stat st;

		assert_int_equal(ld_exe_identity(path, &d, &ino, err, sizeof(err)), 0);
		assert_int_equal(stat(path, &st), 0);
		assert_int_equal(d, sb_dev(path));
		assert_int_equal(ino, st.st_ino);
	}
}

static void test_executable_errors(void **state)
{
	char a[300], lnk[300], text[1200];
	struct ld_compiled c;
	struct ld_diag d;
	(void)state;

	make_file("tool-c", a, sizeof(a));
	snprintf(lnk, sizeof(lnk), "%s/tool-c-link", tmpdir);
	unlink(lnk);
	assert_int_equal(link(a, lnk), 0);

	/* The same file (a hard link) in two sections: an error naming both places. */
	snprintf(text, sizeof(text), "[one]\nExecutable=%s\n\n[two]\nExecutable=%s\n", a, lnk);
	assert_int_equal(compile(text, &rs61, &c, &d), -EINVAL);
	assert_diag(&d, LD_DIAG_ERROR, 5, "is already a subject of [one] at t.conf:2");
	ld_diag_free(&d);

	/* Twice in one section: a warning, listed once. */
	snprintf(text, sizeof(text), "[one]\nExecutable=%s %s\n", a, lnk);
	assert_int_equal(compile(text, &rs61, &c, &d), 0);
	assert_int_equal(d.warnings, 1);
	assert_diag(&d, LD_DIAG_WARNING, 2, "same file");
	assert_int_equal(c.nexes, 1);
	ld_diag_free(&d);
	ld_compiled_free(&c);

	snprintf(text, sizeof(text), "[one]\nExecutable=%s/no-such-tool\n", tmpdir);
	assert_invalid(text, &rs61, 2, "no such file");
	assert_invalid("[one]\nExecutable=bin/sh\n", &rs61, 2, "not an absolute path");
	snprintf(text, sizeof(text), "[one]\nExecutable=%s\n", tmpdir);
	assert_invalid(text, &rs61, 2, "not a regular file");
	assert_invalid("[one]\nExecutable=\n", &rs61, 2, "Executable= needs a path");
}

/* Executable=-PATH: absent is a warning and no subject; present, it is PATH, checked alike. */
static void test_executable_optional(void **state)
{
	char a[300], text[1200];
	struct ld_compiled c;
	struct ld_diag d;
	(void)state;

	make_file("tool-opt", a, sizeof(a));
	snprintf(text, sizeof(text),
		 "[Policy]\nDeny=all\n[s]\nExecutable=-%s -%s/absent-tool\nAllow=dev_mem\n", a,
		 tmpdir);
	assert_int_equal(compile(text, &rs61, &c, &d), 0);
	assert_int_equal(d.warnings, 1);
	assert_diag(&d, LD_DIAG_WARNING, 4, "optional executable");
	assert_int_equal(c.nexes, 1);
	assert_string_equal(c.exes[0].path, a); /* without the '-' */
	ld_diag_free(&d);
	ld_compiled_free(&c);

	/* Every optional executable absent: the section names no one, which is a warning. */
	snprintf(text, sizeof(text), "[Policy]\nDeny=all\n[s]\nExecutable=-%s/absent-tool\n",
		 tmpdir);
	assert_int_equal(compile(text, &rs61, &c, &d), 0);
	assert_int_equal(d.warnings, 2);
	assert_diag(&d, LD_DIAG_WARNING, 3, "names no subject on this machine");
	assert_int_equal(c.nexes, 0);
	ld_diag_free(&d);
	ld_compiled_free(&c);

	/* Only absence is forgiven. */
	assert_invalid("[s]\nExecutable=-\n", &rs61, 2, "'-' needs a path");
	assert_invalid("[s]\nExecutable=-bin/sh\n", &rs61, 2, "not an absolute path");
	snprintf(text, sizeof(text), "[s]\nExecutable=-%s\n", tmpdir);
	assert_invalid(text, &rs61, 2, "not a regular file");
	assert_int_equal(chmod(a, 0644), 0);
	snprintf(text, sizeof(text), "[s]\nExecutable=-%s\n", a);
	assert_invalid(text, &rs61, 2, "has no execute permission");
	assert_int_equal(chmod(a, 0755), 0);
}

/*
 * The seal's risk check: a Module= section names files, so root gets nothing from it but those
 * files; module_signature allowed to a rule root can reach lets root load any module.
 */
static void test_seal_risks_objects(void **state)
{
	char x[320], text[800], risks[512];
	struct ld_compiled c;
	struct ld_diag dg;
	bool hib;
	(void)state;

	snprintf(x, sizeof(x), "%s/risk.ko", tmpdir);
	write_file(x, "x");
	snprintf(text, sizeof(text),
		 "[Policy]\nSeal=yes\nDeny=integrity\n[dkms]\nModule=%s\nAllow=module_signature\n",
		 x);
	compile_ok(text, &rs61, &c, 0);
	assert_int_equal(ld_seal_risks(&c, &rs61, risks, sizeof(risks), &hib), 0);
	ld_compiled_free(&c);
	/* The same reason without Module=, to every task: a way into the kernel. */
	assert_int_equal(compile("[Policy]\nSeal=yes\nDeny=integrity\nAllow=module_signature\n",
				 &rs61, &c, &dg),
			 0);
	assert_diag(&dg, LD_DIAG_WARNING, 2, "root could still change the running kernel through");
	assert_int_equal(ld_seal_risks(&c, &rs61, risks, sizeof(risks), &hib), 1);
	assert_non_null(strstr(risks, "[default] module_signature"));
	ld_diag_free(&dg);
	ld_compiled_free(&c);
}

/* A kmod that says it is version v, first on PATH (the compiler asks `kmod --version`). */
static void fake_kmod(int v, char *oldpath, size_t len)
{
	char dir[300], path[320], text[64];

	snprintf(oldpath, len, "%s", getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
	snprintf(dir, sizeof(dir), "%s/fakebin", tmpdir);
	mkdir(dir, 0755);
	snprintf(path, sizeof(path), "%s/kmod", dir);
	snprintf(text, sizeof(text), "#!/bin/sh\necho 'kmod version %d'\n", v);
	write_file(path, text);
	assert_int_equal(chmod(path, 0755), 0);
	snprintf(path, sizeof(path), "%s:%s", dir, oldpath);
	setenv("PATH", path, 1);
}

/* Module= and Kexec=: files by identity, globs expanded, what an object section may say. */
static void test_objects(void **state)
{
	char d[300], x[320], y[320], z[320], tool[300], text[2400], oldpath[4096];
	struct ld_compiled c, c2;
	struct ld_diag dg;
	(void)state;

	snprintf(d, sizeof(d), "%s/mods", tmpdir);
	mkdir(d, 0755);
	snprintf(x, sizeof(x), "%s/a", d);
	mkdir(x, 0755);
	snprintf(x, sizeof(x), "%s/b", d);
	mkdir(x, 0755);
	snprintf(x, sizeof(x), "%s/a/x.ko", d);
	snprintf(y, sizeof(y), "%s/a/y.ko", d);
	snprintf(z, sizeof(z), "%s/b/z.ko.xz", d);
	write_file(x, "x");
	write_file(y, "y");
	write_file(z, "z");
	make_file("kmod-tool", tool, sizeof(tool));

	/* A glob: every file it matches, for any task, in rule 1. */
	snprintf(text, sizeof(text),
		 "[Policy]\nDeny=integrity\n[dkms]\nModule=%s/a/*.ko\nAllow=module_signature\n", d);
	compile_ok(text, &rs61, &c, 0);
	assert_int_equal(c.nobjects, 2);
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(c.objects[i].kind, LD_OBJ_MODULE);
		assert_int_equal(c.objects[i].subj, LD_OSUBJ_ANY);
		assert_int_equal(c.objects[i].rule, 1);
		assert_true(!strcmp(c.objects[i].path, x) || !strcmp(c.objects[i].path, y));
	}
	assert_int_equal(c.nexes + c.ncgroups + c.nuids, 0);
	assert_int_equal(c.pol.action[1][num(&rs61, "module_signature")], LD_ACT_ALLOW);
	assert_int_equal(c.pol.action[1][num(&rs61, "dev_mem")], LD_ACT_DENY);
	{
		struct ld_subject_rules sr;
		__u64 dev, ino;
		char err[256];

		assert_int_equal(ld_exe_identity(y, &dev, &ino, err, sizeof(err)), 0);
		assert_non_null(
			ld_compiled_match_object(&c, LD_OBJ_MODULE, dev, ino, 0, 0, 0, 0, &sr));
		assert_int_equal(sr.obj, 1);
		/* A kexec image of the same file is not a module. */
		assert_null(ld_compiled_match_object(&c, LD_OBJ_KEXEC, dev, ino, 0, 0, 0, 0, &sr));
		assert_int_equal(sr.obj, LD_RULE_NONE);
		assert_null(ld_compiled_match_object(&c, LD_OBJ_MODULE, dev, ino + 1000, 0, 0, 0, 0,
						     &sr));
	}
	/* The files count in the digest. */
	snprintf(text, sizeof(text),
		 "[Policy]\nDeny=integrity\n[dkms]\nModule=%s\nAllow=module_signature\n", x);
	compile_ok(text, &rs61, &c2, 0);
	assert_int_equal(c2.nobjects, 1);
	assert_memory_not_equal(c.pol.digest, c2.pol.digest, sizeof(c.pol.digest));
	ld_compiled_free(&c);
	ld_compiled_free(&c2);

	/* A glob that matches nothing is a warning (a DKMS module not built yet), no error. */
	snprintf(text, sizeof(text), "[dkms]\nModule=%s/none/*.ko\nAllow=module_signature\n", d);
	assert_int_equal(compile(text, &rs61, &c, &dg), 0);
	assert_diag(&dg, LD_DIAG_WARNING, 2, "matches no file");
	assert_int_equal(c.nobjects, 0);
	ld_diag_free(&dg);
	ld_compiled_free(&c);

	/* What is not a file, or not named well. */
	snprintf(text, sizeof(text), "[m]\nModule=%s/a/none.ko\nAllow=module_signature\n", d);
	assert_invalid(text, &rs61, 2, "no such file");
	assert_invalid("[m]\nModule=mods/x.ko\nAllow=module_signature\n", &rs61, 2,
		       "not an absolute path");
	snprintf(text, sizeof(text), "[m]\nModule=%s/a\nAllow=module_signature\n", d);
	assert_invalid(text, &rs61, 2, "is not a regular file");
	snprintf(text, sizeof(text), "[m]\nModule=%s/*\nAllow=module_signature\n", d);
	assert_invalid(text, &rs61, 2, "is not a regular file");
	assert_invalid("[m]\nModule=\nAllow=module_signature\n", &rs61, 2,
		       "needs a file or a glob");
	snprintf(text, sizeof(text), "[Policy]\nModule=%s\n", x);
	assert_invalid(text, &rs61, 2, "put it in a section of its own");

	/* An object section decides its objects' reasons, and decides something. */
	snprintf(text, sizeof(text), "[m]\nModule=%s\nAllow=module_signature,dev_mem\n", x);
	assert_invalid(text, &rs61, 1, "decides module_signature only: 'dev_mem'");
	snprintf(text, sizeof(text), "[m]\nModule=%s\n", x);
	assert_invalid(text, &rs61, 2, "decides nothing");
	snprintf(text, sizeof(text), "[m]\nModule=%s\nAllow=kexec\n", x);
	assert_invalid(text, &rs61, 1, "decides module_signature only: 'kexec'");
	snprintf(text, sizeof(text), "[m]\nHost=yes\nModule=%s\nAllow=module_signature\n", x);
	assert_invalid(text, &rs61, 2, "Host= cannot narrow");
	snprintf(text, sizeof(text), "[k]\nKexec=%s\nAllow=kexec\n", y);
	compile_ok(text, &rs61, &c, 0);
	assert_int_equal(c.nobjects, 1);
	assert_int_equal(c.objects[0].kind, LD_OBJ_KEXEC);
	ld_compiled_free(&c);

	/* Narrowed by an executable that another section names as its subject: both hold. */
	snprintf(text, sizeof(text),
		 "[Policy]\nDeny=integrity\n[dkms]\nExecutable=%s\nModule=%s\n"
		 "Allow=module_signature\n[tool]\nExecutable=%s\nAllow=dev_mem\n",
		 tool, x, tool);
	compile_ok(text, &rs61, &c, 0);
	assert_int_equal(c.nexes, 1);
	assert_int_equal(c.exes[0].rule, 2);
	assert_int_equal(c.nobjects, 1);
	assert_int_equal(c.objects[0].subj, LD_OSUBJ_EXE);
	assert_int_equal(c.objects[0].sa, c.exes[0].dev);
	assert_int_equal(c.objects[0].sb, c.exes[0].ino);
	{
		struct ld_subject_rules sr;

		/* The tool finds the object rule; another program does not. */
		assert_non_null(ld_compiled_match_object(&c, LD_OBJ_MODULE, c.objects[0].dev,
							 c.objects[0].ino, c.exes[0].dev,
							 c.exes[0].ino, 0, 0, &sr));
		assert_int_equal(sr.obj, 1);
		assert_null(ld_compiled_match_object(&c, LD_OBJ_MODULE, c.objects[0].dev,
						     c.objects[0].ino, c.exes[0].dev,
						     c.exes[0].ino + 1, 0, 0, &sr));
	}
	ld_compiled_free(&c);

	/* One file for the same tasks in two sections: an error naming both. */
	snprintf(text, sizeof(text),
		 "[one]\nModule=%s\nAllow=module_signature\n[two]\nModule=%s/a/*.ko\n"
		 "Deny=module_signature\n",
		 x, d);
	assert_invalid(text, &rs61, 5, "already named by [one] at t.conf:2");
	/* ... for other tasks, it is fine: the narrowed section comes first for its tool. */
	snprintf(text, sizeof(text),
		 "[one]\nModule=%s\nExecutable=%s\nAllow=module_signature\n[two]\nModule=%s\n"
		 "Audit=module_signature\n",
		 x, tool, x);
	compile_ok(text, &rs61, &c, 0);
	assert_int_equal(c.nobjects, 2);
	ld_compiled_free(&c);

	/* A compressed module and a kmod that decompresses it itself (before 31): a warning. */
	fake_kmod(30, oldpath, sizeof(oldpath));
	snprintf(text, sizeof(text), "[m]\nModule=%s\nAllow=module_signature\n", z);
	assert_int_equal(compile(text, &rs61, &c, &dg), 0);
	assert_diag(&dg, LD_DIAG_WARNING, 2, "kmod 30 (before 31) decompresses it itself");
	ld_diag_free(&dg);
	ld_compiled_free(&c);
	setenv("PATH", oldpath, 1);
	fake_kmod(34, oldpath, sizeof(oldpath));
	compile_ok(text, &rs61, &c, 0);
	ld_compiled_free(&c);
	setenv("PATH", oldpath, 1);
}

static void test_cgroups(void **state)
{
	char dir[400], text[1500];
	struct ld_compiled c;
	struct stat st;
	(void)state;

	snprintf(dir, sizeof(dir), "%s/web", cgroot);
	mkdir(dir, 0755);
	snprintf(dir, sizeof(dir), "%s/web/inner", cgroot);
	mkdir(dir, 0755);
	assert_int_equal(stat(dir, &st), 0);

	/* Relative, cgroup-path and absolute spellings name the same cgroup. */
	const char *forms[] = { "web/inner", "/web/inner", dir };

	for (int i = 0; i < 3; i++) {
		snprintf(text, sizeof(text), "[web]\nCgroup=%s\nDeny=all\n", forms[i]);
		compile_ok(text, &rs61, &c, 0);
		assert_int_equal(c.ncgroups, 1);
		assert_int_equal(c.cgroups[0].id, (__u64)st.st_ino);
		assert_int_equal(c.cgroups[0].rule, 1);
		assert_string_equal(c.cgroups[0].path, forms[i]);
		ld_compiled_free(&c);
	}
	snprintf(text, sizeof(text), "[a]\nCgroup=web/inner\n[b]\nCgroup=%s\n", dir);
	assert_invalid(text, &rs61, 4, "already a subject of [a] at t.conf:2");
	assert_invalid("[a]\nCgroup=nope\n", &rs61, 2, "no such cgroup");
	assert_invalid("[a]\nCgroup=web/../..\n", &rs61, 2, "'..' is not allowed");
}

static void test_users(void **state)
{
	struct ld_compiled c;
	(void)state;

	compile_ok("[people]\nUser=alice 1002\nDeny=kexec\n[svc]\nUser=bob\n", &rs61, &c, 0);
	assert_int_equal(c.nuids, 3);
	assert_int_equal(c.uids[0].uid, 1001); /* sorted by uid */
	assert_int_equal(c.uids[0].rule, 1);
	assert_int_equal(c.uids[1].uid, 1002);
	assert_int_equal(c.uids[1].rule, 1);
	assert_int_equal(c.uids[2].uid, 2000);
	assert_int_equal(c.uids[2].rule, 2);
	ld_compiled_free(&c);

	assert_invalid("[a]\nUser=alice\n[b]\nUser=1001\n", &rs61, 4,
		       "user '1001' is already a subject of [a] at t.conf:2 (as 'alice')");
	{
		struct ld_diag d;

		/* The same uid twice in one section, by name and number: a warning. */
		assert_int_equal(compile("[a]\nUser=alice 1001\n", &rs61, &c, &d), 0);
		assert_diag(&d, LD_DIAG_WARNING, 2, "user '1001' is the same uid as 'alice'");
		assert_int_equal(c.nuids, 1);
		ld_diag_free(&d);
		ld_compiled_free(&c);
	}
	assert_invalid("[a]\nUser=mallory\n", &rs61, 2, "user 'mallory': no such user");
	assert_invalid("[a]\nUser=4294967295\n", &rs61, 2, "not a valid uid");
	assert_invalid("[a]\nUser=12x\n", &rs61, 2, "not a valid uid");
}

static void test_host(void **state)
{
	struct ld_compiled c;
	(void)state;

	compile_ok("[Policy]\nDeny=all\n[other]\nUser=5\n[host]\nHost=yes\nAllow=all\n", &rs61, &c,
		   0);
	assert_int_equal(c.pol.host_rule, 2);
	assert_row_by_class(&c, 2, &rs61, LD_ACT_ALLOW, LD_ACT_ALLOW);
	assert_row_by_class(&c, 1, &rs61, LD_ACT_DENY, LD_ACT_DENY);
	ld_compiled_free(&c);

	assert_invalid("[h1]\nHost=yes\n[h2]\nHost=true\n", &rs61, 4,
		       "Host=yes is already in [h1] at t.conf:2");
}

static void test_policy_after_subjects(void **state)
{
	struct ld_compiled c;
	unsigned int mem = num(&rs61, "dev_mem"), kx = num(&rs61, "kexec");
	(void)state;

	/* [Policy] at the end still gives the default row the subject rows start from. */
	compile_ok("[admin]\nUser=0\nAllow=dev_mem\n\n[Policy]\nDeny=integrity\nMode=audit\n",
		   &rs61, &c, 0);
	assert_int_equal(c.pol.mode, LD_MODE_AUDIT);
	assert_int_equal(c.pol.nrules, 2);
	assert_string_equal(c.rule_names[1], "admin");
	assert_int_equal(c.rule_lines[0], 5);
	assert_int_equal(c.pol.action[0][mem], LD_ACT_DENY);
	assert_int_equal(c.pol.action[1][mem], LD_ACT_ALLOW);
	assert_int_equal(c.pol.action[1][kx], LD_ACT_DENY);
	assert_row_by_class(&c, 0, &rs61, LD_ACT_DENY, LD_ACT_ALLOW);
	ld_compiled_free(&c);
}

/* ---- limits ---------------------------------------------------------------------------- */

static void test_rule_limit(void **state)
{
	size_t cap = 64 * 40 + 64;
	char *text = malloc(cap);
	struct ld_compiled c;
	size_t off = 0;
	(void)state;

	assert_non_null(text);
	for (int i = 0; i < LD_RULES - 1; i++)
		off += (size_t)snprintf(text + off, cap - off, "[r%d]\nUser=%d\n", i, 100 + i);
	compile_ok(text, &rs61, &c, 0);
	assert_int_equal(c.pol.nrules, LD_RULES);
	assert_string_equal(c.rule_names[LD_RULES - 1], "r62");
	ld_compiled_free(&c);
	/* One more subject section: the 64th is refused at its header line. */
	snprintf(text + off, cap - off, "[r63]\nUser=999\n");
	assert_invalid(text, &rs61, 2 * (LD_RULES - 1) + 1, "too many rules: at most 63");
	free(text);
}

static void test_uid_limit(void **state)
{
	size_t cap = (LD_UID_MAX + 2) * 12 + 64;
	char *text = malloc(cap);
	struct ld_compiled c;
	size_t off;
	(void)state;

	assert_non_null(text);
	off = (size_t)snprintf(text, cap, "[many]\n");
	for (int i = 0; i < LD_UID_MAX; i++)
		off += (size_t)snprintf(text + off, cap - off, "User=%d\n", 10000 + i);
	compile_ok(text, &rs61, &c, 0);
	assert_int_equal(c.nuids, LD_UID_MAX);
	ld_compiled_free(&c);
	snprintf(text + off, cap - off, "User=1\n");
	assert_invalid(text, &rs61, LD_UID_MAX + 2, "too many users: at most 1024");
	free(text);
}

static void test_cgroup_limit(void **state)
{
	size_t cap = (LD_CGROUP_MAX + 2) * 24 + 64;
	char *text = malloc(cap), dir[400];
	struct ld_compiled c;
	size_t off;
	(void)state;

	assert_non_null(text);
	off = (size_t)snprintf(text, cap, "[many]\n");
	for (int i = 0; i <= LD_CGROUP_MAX; i++) {
		snprintf(dir, sizeof(dir), "%s/g%d", cgroot, i);
		mkdir(dir, 0755);
		if (i < LD_CGROUP_MAX)
			off += (size_t)snprintf(text + off, cap - off, "Cgroup=g%d\n", i);
	}
	compile_ok(text, &rs61, &c, 0);
	assert_int_equal(c.ncgroups, LD_CGROUP_MAX);
	ld_compiled_free(&c);
	snprintf(text + off, cap - off, "Cgroup=g%d\n", LD_CGROUP_MAX);
	assert_invalid(text, &rs61, LD_CGROUP_MAX + 2, "too many cgroups: at most 1024");
	free(text);
}

static void test_exe_limit(void **state)
{
	char sub[300], path[400];
	size_t cap = (size_t)(LD_EXE_MAX + 2) * 330 + 64;
	char *text = malloc(cap);
	struct ld_compiled c;
	size_t off;
	(void)state;

	assert_non_null(text);
	snprintf(sub, sizeof(sub), "%s/exes", tmpdir);
	mkdir(sub, 0755);
	off = (size_t)snprintf(text, cap, "[many]\n");
	for (int i = 0; i <= LD_EXE_MAX; i++) {
		int fd;

		snprintf(path, sizeof(path), "%s/e%d", sub, i);
		fd = open(path, O_CREAT | O_WRONLY, 0755);
		assert_true(fd >= 0);
		close(fd);
		if (i < LD_EXE_MAX)
			off += (size_t)snprintf(text + off, cap - off, "Executable=%s\n", path);
	}
	compile_ok(text, &rs61, &c, 0);
	assert_int_equal(c.nexes, LD_EXE_MAX);
	for (size_t i = 1; i < c.nexes; i++)
		assert_true(
			c.exes[i - 1].dev < c.exes[i].dev ||
			(c.exes[i - 1].dev == c.exes[i].dev && c.exes[i - 1].ino < c.exes[i].ino));
	ld_compiled_free(&c);
	snprintf(text + off, cap - off, "Executable=%s/e%d\n", sub, LD_EXE_MAX);
	assert_invalid(text, &rs61, LD_EXE_MAX + 2, "too many executables: at most 16384");
	free(text);
}

/* ---- the compiled policy, end to end ----------------------------------------------------- */

static void test_precedence_end_to_end(void **state)
{
	char a[300], text[2000], dir[400];
	struct ld_compiled c;
	struct ld_subject_rules sr;
	struct stat sa, sc;
	__u64 dev;
	unsigned int r = num(&rs61, "kexec");
	struct ld_verdict v;
	(void)state;

	make_file("tool-prec", a, sizeof(a));
	assert_int_equal(stat(a, &sa), 0);
	dev = ((__u64)major(sa.st_dev) << 20) | minor(sa.st_dev);
	snprintf(dir, sizeof(dir), "%s/prec", cgroot);
	mkdir(dir, 0755);
	assert_int_equal(stat(dir, &sc), 0);
	snprintf(text, sizeof(text),
		 "[Policy]\nDeny=kexec\n"
		 "[host]\nHost=yes\nAudit=kexec\n"
		 "[users]\nUser=alice\nDeny=kexec\n"
		 "[group]\nCgroup=prec\nAudit=kexec\n"
		 "[tool]\nExecutable=%s\nAllow=kexec\n",
		 a);
	compile_ok(text, &rs61, &c, 0);

	ld_compiled_match(&c, 0, 0, 0, (__u32)-1, false, &sr);
	v = ld_decide(&c.pol, r, &sr);
	assert_int_equal(v.match, LD_MATCH_DEFAULT);
	assert_int_equal(v.outcome, LD_OUT_DENIED);

	ld_compiled_match(&c, 0, 0, 0, 0, true, &sr);
	v = ld_decide(&c.pol, r, &sr);
	assert_int_equal(v.match, LD_MATCH_HOST);
	assert_string_equal(c.rule_names[v.rule], "host");
	assert_int_equal(v.outcome, LD_OUT_AUDITED);

	ld_compiled_match(&c, 0, 0, 0, 1001, true, &sr);
	v = ld_decide(&c.pol, r, &sr);
	assert_int_equal(v.match, LD_MATCH_UID);
	assert_string_equal(c.rule_names[v.rule], "users");
	assert_int_equal(v.outcome, LD_OUT_DENIED);

	ld_compiled_match(&c, 0, 0, (__u64)sc.st_ino, 1001, true, &sr);
	v = ld_decide(&c.pol, r, &sr);
	assert_int_equal(v.match, LD_MATCH_CGROUP);
	assert_string_equal(c.rule_names[v.rule], "group");

	ld_compiled_match(&c, dev, (__u64)sa.st_ino, (__u64)sc.st_ino, 1001, true, &sr);
	v = ld_decide(&c.pol, r, &sr);
	assert_int_equal(v.match, LD_MATCH_EXE);
	assert_string_equal(c.rule_names[v.rule], "tool");
	assert_int_equal(v.outcome, LD_OUT_ALLOWED);

	/* Same inode on another device is another file. */
	ld_compiled_match(&c, dev + 1, (__u64)sa.st_ino, 0, 7, false, &sr);
	assert_int_equal(sr.exe, LD_RULE_NONE);
	assert_int_equal(sr.uid, LD_RULE_NONE);
	ld_compiled_free(&c);
}

static void digest_of(const char *text, const struct ld_reasons *rs, __u8 out[32])
{
	struct ld_compiled c;

	compile_ok(text, rs, &c, 0);
	memcpy(out, c.pol.digest, 32);
	ld_compiled_free(&c);
}

static void test_digest(void **state)
{
	static const __u8 zero[32];
	__u8 base[32], same[32], other[32];
	(void)state;

	digest_of("[Policy]\nDeny=integrity\n[u]\nUser=5 6\nAllow=kexec\n", &rs61, base);
	assert_memory_not_equal(base, zero, 32);
	/* Same meaning, different text: comments, spacing, subject order, spelling. */
	digest_of("# hello\n[Policy]\nDeny = integrity ; x\n\n[u]\nUser=6,5\nAllow=KEXEC\n", &rs61,
		  same);
	assert_memory_equal(base, same, 32);
	/* [Policy] last, expressed through other lines with the same result. */
	digest_of("[u]\nUser=5 6\nDeny=integrity\nAllow=kexec\n[Policy]\nDeny=integrity\n", &rs61,
		  same);
	assert_memory_equal(base, same, 32);

	digest_of("[Policy]\nDeny=integrity\n[u]\nUser=5 6\nAudit=kexec\n", &rs61, other);
	assert_memory_not_equal(base, other, 32);
	digest_of("[Policy]\nDeny=integrity\n[u]\nUser=5 7\nAllow=kexec\n", &rs61, other);
	assert_memory_not_equal(base, other, 32);
	digest_of("[Policy]\nDeny=integrity\n[v]\nUser=5 6\nAllow=kexec\n", &rs61, other);
	assert_memory_not_equal(base, other, 32);
	digest_of("[Policy]\nMode=audit\nDeny=integrity\n[u]\nUser=5 6\nAllow=kexec\n", &rs61,
		  other);
	assert_memory_not_equal(base, other, 32);
	digest_of("[Policy]\nRateLimit=5\nDeny=integrity\n[u]\nUser=5 6\nAllow=kexec\n", &rs61,
		  other);
	assert_memory_not_equal(base, other, 32);
	digest_of("[Policy]\nDeny=integrity\n[u]\nUser=5 6\nAllow=kexec\nHost=yes\n", &rs61, other);
	assert_memory_not_equal(base, other, 32);
	/* Another kernel's reasons are another compiled policy. */
	digest_of("[Policy]\nDeny=integrity\n[u]\nUser=5 6\nAllow=kexec\n", &rs510, other);
	assert_memory_not_equal(base, other, 32);
}

/* ---- files and presets ---------------------------------------------------------------- */

static void test_compile_file(void **state)
{
	char path[300];
	struct ld_compiled c;
	struct ld_diag d = { 0 };
	(void)state;

	snprintf(path, sizeof(path), "%s/p.conf", tmpdir);
	write_file(path, "[Policy]\nDeny=kexec\n");
	assert_int_equal(ld_policy_compile_file(path, &rs61, &topts, &c, &d), 0);
	assert_string_equal(c.source, path);
	assert_int_equal(c.pol.action[0][num(&rs61, "kexec")], LD_ACT_DENY);
	ld_compiled_free(&c);

	write_file(path, "[Policy]\n\nDeny=kexek\n");
	assert_int_equal(ld_policy_compile_file(path, &rs61, &topts, &c, &d), -EINVAL);
	assert_string_equal(d.msgs[0].file, path);
	assert_int_equal(d.msgs[0].line, 3);
	assert_int_equal(ld_policy_exit_code(-EINVAL), LD_EXIT_FAIL);
	ld_diag_free(&d);

	snprintf(path, sizeof(path), "%s/missing.conf", tmpdir);
	assert_int_equal(ld_policy_compile_file(path, &rs61, &topts, &c, &d), -ENOENT);
	assert_non_null(strstr(d.msgs[0].text, "no such file"));
	assert_int_equal(ld_policy_exit_code(-ENOENT), LD_EXIT_ERR);
	ld_diag_free(&d);
}

static void compile_preset(const char *name, const struct ld_reasons *rs, struct ld_compiled *c)
{
	struct ld_diag d = { 0 };

	assert_int_equal(ld_policy_compile_profile(name, rs, NULL, c, &d), 0);
	if (d.count)
		ld_diag_print(&d, stderr);
	assert_int_equal(d.count, 0);
	ld_diag_free(&d);
}

static void test_presets_mean_what_they_say(void **state)
{
	const struct ld_reasons *all[] = { &rs510, &rs61 };
	struct ld_compiled c;
	(void)state;

	assert_int_equal(ld_preset_count, 7);
	for (int k = 0; k < 2; k++) {
		const struct ld_reasons *rs = all[k];
		unsigned int hib = num(rs, "hibernation");

		compile_preset("allow", rs, &c);
		assert_int_equal(c.pol.nrules, 1);
		assert_row_by_class(&c, 0, rs, LD_ACT_AUDIT, LD_ACT_AUDIT);
		assert_int_equal(c.pol.mode, LD_MODE_ENFORCE);
		ld_compiled_free(&c);

		compile_preset("integrity", rs, &c);
		assert_int_equal(c.pol.nrules, 1);
		assert_row_by_class(&c, 0, rs, LD_ACT_DENY, LD_ACT_ALLOW);
		ld_compiled_free(&c);

		compile_preset("confidentiality", rs, &c);
		assert_int_equal(c.pol.nrules, 1);
		assert_row_by_class(&c, 0, rs, LD_ACT_DENY, LD_ACT_DENY);
		ld_compiled_free(&c);

		compile_preset("restricted", rs, &c);
		assert_int_equal(c.pol.nrules, 1);
		assert_row_by_class(&c, 0, rs, LD_ACT_DENY, LD_ACT_DENY);
		ld_compiled_free(&c);

		compile_preset("desktop", rs, &c);
		assert_int_equal(c.pol.nrules, 1);
		for (unsigned int i = 0; i < rs->count; i++) {
			const struct ld_reason *x = &rs->r[i];
			int want = x->class == LD_CLASS_INTEGRITY && x->number != hib
					   ? LD_ACT_DENY
					   : LD_ACT_ALLOW;

			assert_int_equal(c.pol.action[0][x->number], want);
		}
		ld_compiled_free(&c);

		/* desktop-sleep: integrity for all, hibernation allowed to systemd's two
		 * programs only, each optional: absent, a warning and no subject. */
		{
			static const char *const progs[] = { "/usr/lib/systemd/systemd-sleep",
							     "/usr/lib/systemd/systemd-logind" };
			unsigned int present = 0;
			struct ld_diag d = { 0 };

			for (size_t k = 0; k < 2; k++)
				present += access(progs[k], X_OK) == 0;
			assert_int_equal(
				ld_policy_compile_profile("desktop-sleep", rs, NULL, &c, &d), 0);
			assert_int_equal(d.errors, 0);
			assert_int_equal(d.warnings, present == 2 ? 0 : present == 1 ? 1 : 2);
			ld_diag_free(&d);
			assert_int_equal(c.pol.nrules, 2);
			assert_int_equal(c.nexes, present);
			assert_row_by_class(&c, 0, rs, LD_ACT_DENY, LD_ACT_ALLOW);
			for (unsigned int i = 0; i < rs->count; i++) {
				const struct ld_reason *x = &rs->r[i];
				int want = x->class == LD_CLASS_INTEGRITY && x->number != hib
						   ? LD_ACT_DENY
						   : LD_ACT_ALLOW;

				assert_int_equal(c.pol.action[1][x->number], want);
			}
			ld_compiled_free(&c);
		}

		compile_preset("baseline", rs, &c);
		assert_int_equal(c.pol.nrules, 2);
		assert_int_equal(c.pol.host_rule, 1);
		assert_row_by_class(&c, 0, rs, LD_ACT_DENY, LD_ACT_DENY);
		assert_row_by_class(&c, 1, rs, LD_ACT_ALLOW, LD_ACT_ALLOW);
		{
			struct ld_subject_rules sr;

			ld_compiled_match(&c, 0, 0, 0, 0, false, &sr); /* a container's root */
			assert_int_equal(ld_decide(&c.pol, hib, &sr).outcome, LD_OUT_DENIED);
			ld_compiled_match(&c, 0, 0, 0, 0, true, &sr); /* the host */
			assert_int_equal(ld_decide(&c.pol, hib, &sr).outcome, LD_OUT_ALLOWED);
		}
		ld_compiled_free(&c);
	}
}

static void test_unknown_profile(void **state)
{
	struct ld_compiled c;
	struct ld_diag d = { 0 };
	(void)state;

	assert_int_equal(ld_policy_compile_profile("paranoid", &rs61, NULL, &c, &d), -ENOENT);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.msgs[0].file, "profile:paranoid");
	assert_non_null(strstr(d.msgs[0].text,
			       "allow, baseline, restricted, integrity, confidentiality, desktop, "
			       "desktop-sleep"));
	assert_int_equal(ld_policy_exit_code(-ENOENT), LD_EXIT_ERR);
	ld_diag_free(&d);
}

/* ---- commands -------------------------------------------------------------------------- */

/* Run a command with stdout (and stderr) in files; returns its exit code. */
static int run(int (*fn)(int, char **), char **argv, char *out, size_t outlen, char *err,
	       size_t errlen)
{
	char opath[300], epath[300];
	int argc = 0, ret, so, se, fo, fe;

	while (argv[argc])
		argc++;
	snprintf(opath, sizeof(opath), "%s/stdout", tmpdir);
	snprintf(epath, sizeof(epath), "%s/stderr", tmpdir);
	fflush(stdout);
	fflush(stderr);
	so = dup(1);
	se = dup(2);
	fo = open(opath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	fe = open(epath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(so >= 0 && se >= 0 && fo >= 0 && fe >= 0);
	dup2(fo, 1);
	dup2(fe, 2);
	ret = fn(argc, argv);
	fflush(stdout);
	fflush(stderr);
	dup2(so, 1);
	dup2(se, 2);
	close(so);
	close(se);
	close(fo);
	close(fe);
	assert_true(ld_read_file(opath, out, outlen) >= 0);
	assert_true(ld_read_file(epath, err, errlen) >= 0);
	return ret;
}

static void test_check_command(void **state)
{
	static char out[65536], err[8192];
	char path[300];
	(void)state;

	snprintf(path, sizeof(path), "%s/typo.conf", tmpdir);
	write_file(path, "[Policy]\nDeny=dev_men\n");
	{
		char *argv[] = { "check", path, "--btf", btf61_path, NULL };

		assert_int_equal(run(cmd_check, argv, out, sizeof(out), err, sizeof(err)),
				 LD_EXIT_FAIL);
		assert_non_null(strstr(err, ":2: error: unknown reason 'dev_men'; did you mean "
					    "dev_mem?"));
		assert_non_null(strstr(err, path));
	}
	{
		char *argv[] = { "check", "--profile", "desktop", "--btf", btf61_path, NULL };

		assert_int_equal(run(cmd_check, argv, out, sizeof(out), err, sizeof(err)),
				 LD_EXIT_OK);
		assert_non_null(strstr(out, "profile:desktop: valid"));
		assert_non_null(strstr(out, "hibernation            integrity        allow"));
		assert_non_null(strstr(out, "dev_mem                integrity        deny"));
	}
	{
		char *argv[] = { "check", "--profile", "baseline", "--btf", btf61_path, NULL };
		struct json_object *o, *rules, *r1, *acts, *v;

		ld_g.json = true;
		assert_int_equal(run(cmd_check, argv, out, sizeof(out), err, sizeof(err)),
				 LD_EXIT_OK);
		ld_g.json = false;
		o = json_tokener_parse(out);
		assert_non_null(o);
		assert_true(json_object_object_get_ex(o, "valid", &v));
		assert_true(json_object_get_boolean(v));
		assert_true(json_object_object_get_ex(o, "rules", &rules));
		assert_int_equal(json_object_array_length(rules), 2);
		r1 = json_object_array_get_idx(rules, 1);
		assert_true(json_object_object_get_ex(r1, "actions", &acts));
		assert_true(json_object_object_get_ex(acts, "kexec", &v));
		assert_string_equal(json_object_get_string(v), "allow");
		json_object_put(o);
	}
	{
		char *argv[] = { "check", "--profile", "nope", "--btf", btf61_path, NULL };

		assert_int_equal(run(cmd_check, argv, out, sizeof(out), err, sizeof(err)),
				 LD_EXIT_ERR);
		assert_non_null(strstr(err, "no such profile"));
	}
	{
		char *argv[] = { "check", NULL };

		assert_int_equal(run(cmd_check, argv, out, sizeof(out), err, sizeof(err)),
				 LD_EXIT_ERR);
	}
	{
		char *argv[] = { "check", "/no/such/policy.conf", "--btf", btf61_path, NULL };

		assert_int_equal(run(cmd_check, argv, out, sizeof(out), err, sizeof(err)),
				 LD_EXIT_ERR);
	}
}

static void test_explain_command(void **state)
{
	static char out[65536], err[8192];
	char path[300], tool[300], text[800];
	(void)state;

	make_file("explained-tool", tool, sizeof(tool));
	snprintf(path, sizeof(path), "%s/explain.conf", tmpdir);
	snprintf(text, sizeof(text),
		 "[Policy]\nDeny=integrity\n[host]\nHost=yes\nAllow=kexec\n"
		 "[flash]\nExecutable=%s\nAllow=dev_mem\n",
		 tool);
	write_file(path, text);
	{
		char *argv[] = {
			"explain", path, "--reason", "dev_mem", "--btf", btf61_path, NULL
		};

		assert_int_equal(run(cmd_explain, argv, out, sizeof(out), err, sizeof(err)),
				 LD_EXIT_OK);
		assert_non_null(strstr(out, "verdict:    deny -> denied"));
		assert_non_null(strstr(out, "matched by host"));
	}
	{
		char *argv[] = { "explain", path,    "--reason", "dev_mem", "--exe",
				 tool,	    "--btf", btf61_path, NULL };

		assert_int_equal(run(cmd_explain, argv, out, sizeof(out), err, sizeof(err)),
				 LD_EXIT_OK);
		assert_non_null(strstr(out, "verdict:    allow"));
		assert_non_null(strstr(out, "[flash]"));
		assert_non_null(strstr(out, "matched by executable"));
		assert_non_null(strstr(out, "host [host] (outranked)"));
	}
	{
		char *argv[] = { "explain", path,    "--reason", "kexec", "--container",
				 "--audit", "--btf", btf61_path, NULL };
		struct json_object *o, *arr, *v, *x;

		ld_g.json = true;
		assert_int_equal(run(cmd_explain, argv, out, sizeof(out), err, sizeof(err)),
				 LD_EXIT_OK);
		ld_g.json = false;
		o = json_tokener_parse(out);
		assert_non_null(o);
		assert_true(json_object_object_get_ex(o, "verdicts", &arr));
		v = json_object_array_get_idx(arr, 0);
		assert_true(json_object_object_get_ex(v, "outcome", &x));
		assert_string_equal(json_object_get_string(x), "audited");
		assert_true(json_object_object_get_ex(v, "would_deny", &x));
		assert_true(json_object_get_boolean(x));
		assert_true(json_object_object_get_ex(v, "match", &x));
		assert_string_equal(json_object_get_string(x), "default");
		json_object_put(o);
	}
	{
		char *argv[] = {
			"explain", path, "--reason", "dev_men", "--btf", btf61_path, NULL
		};

		assert_int_equal(run(cmd_explain, argv, out, sizeof(out), err, sizeof(err)),
				 LD_EXIT_ERR);
		assert_non_null(strstr(err, "did you mean dev_mem?"));
	}
	{
		char *argv[] = { "explain", path, "--btf", btf61_path, NULL };

		assert_int_equal(run(cmd_explain, argv, out, sizeof(out), err, sizeof(err)),
				 LD_EXIT_ERR);
	}
}

/* Reason names in any case, as in policies. */
static void test_explain_reason_case(void **state)
{
	static char out[65536], err[8192];
	(void)state;

	{
		char *argv[] = { "explain", "--profile", "desktop",  "--reason",
				 "DEV_MEM", "--btf",	 btf61_path, NULL };

		assert_int_equal(run(cmd_explain, argv, out, sizeof(out), err, sizeof(err)),
				 LD_EXIT_OK);
		assert_non_null(strstr(out, "dev_mem (/dev/mem,kmem,port"));
		assert_non_null(strstr(out, "verdict:    deny"));
	}
	{
		char *argv[] = { "explain",   "--profile", "desktop",  "--reason",
				 "Integrity", "--btf",	   btf61_path, NULL };

		assert_int_equal(run(cmd_explain, argv, out, sizeof(out), err, sizeof(err)),
				 LD_EXIT_OK);
		assert_non_null(strstr(out, "hibernation"));
		assert_null(strstr(out, "kcore"));
	}
}

/* ---- fixtures -------------------------------------------------------------------------- */

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(tmpdir))
		return -1;
	snprintf(cgroot, sizeof(cgroot), "%s/cgroup", tmpdir);
	snprintf(passwd, sizeof(passwd), "%s/passwd", tmpdir);
	if (mkdir(cgroot, 0755) != 0)
		return -1;
	write_file(passwd, "root:x:0:0:root:/root:/bin/sh\n"
			   "alice:x:1001:1001::/home/alice:/bin/sh\n"
			   "bob:x:2000:2000::/home/bob:/bin/sh\n");
	topts.cgroup_root = cgroot;
	topts.passwd = passwd;
	load_rs("k510", ld_test_k510.names, ld_test_k510.count, &rs510, NULL);
	load_rs("k61", ld_test_k61.names, ld_test_k61.count, &rs61, btf61_path);
	load_rs("kold", kold, N(kold), &rsold, NULL);
	return 0;
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
		cmocka_unit_test(test_empty_policy),
		cmocka_unit_test(test_groups_per_numbering),
		cmocka_unit_test(test_lines_apply_in_order),
		cmocka_unit_test(test_words_case_commas_comments),
		cmocka_unit_test(test_mode_and_rate_limit),
		cmocka_unit_test(test_typo_suggests),
		cmocka_unit_test(test_reason_of_other_kernels_warns),
		cmocka_unit_test(test_bpf_read_alias),
		cmocka_unit_test(test_structure_errors),
		cmocka_unit_test(test_errors_in_several_places),
		cmocka_unit_test(test_line_limits),
		cmocka_unit_test(test_line_limit_exact),
		cmocka_unit_test(test_colon_is_no_separator),
		cmocka_unit_test(test_host_whole_value),
		cmocka_unit_test(test_executable_needs_exec_bit),
		cmocka_unit_test(test_comma_in_path),
		cmocka_unit_test(test_control_bytes),
		cmocka_unit_test(test_policy_section_typo),
		cmocka_unit_test(test_inih_build_options_do_not_matter),
		cmocka_unit_test(test_long_paths_refused),
		cmocka_unit_test(test_policy_fifo),
		cmocka_unit_test(test_executable_identity),
		cmocka_unit_test(test_mountinfo_dev),
		cmocka_unit_test(test_executable_errors),
		cmocka_unit_test(test_executable_optional),
		cmocka_unit_test(test_cgroups),
		cmocka_unit_test(test_users),
		cmocka_unit_test(test_host),
		cmocka_unit_test(test_policy_after_subjects),
		cmocka_unit_test(test_rule_limit),
		cmocka_unit_test(test_uid_limit),
		cmocka_unit_test(test_cgroup_limit),
		cmocka_unit_test(test_exe_limit),
		cmocka_unit_test(test_precedence_end_to_end),
		cmocka_unit_test(test_digest),
		cmocka_unit_test(test_compile_file),
		cmocka_unit_test(test_presets_mean_what_they_say),
		cmocka_unit_test(test_unknown_profile),
		cmocka_unit_test(test_check_command),
		cmocka_unit_test(test_explain_command),
		cmocka_unit_test(test_explain_reason_case),
		cmocka_unit_test(test_objects),
		cmocka_unit_test(test_seal_risks_objects),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
