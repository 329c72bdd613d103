// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdown audit: kconfig and command-line parsers, and checks evaluated over generated
 * configs, fake sysctl, securityfs and sysfs trees built in a temporary directory.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "audit/audit.h"
#include "util.h"

static char tmpdir[64];

static void write_file(const char *rel, const void *data, size_t len)
{
	char path[2048], *slash;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, rel);
	/* mkdir -p of the parent */
	for (slash = strchr(path + strlen(tmpdir) + 1, '/'); slash;
	     slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0755);
		*slash = '/';
	}
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
}

static void write_text(const char *rel, const char *text)
{
	write_file(rel, text, strlen(text));
}

static const char *p(const char *rel)
{
	static char bufs[8][2048];
	static int n;
	char *b = bufs[n++ % 8];

	snprintf(b, sizeof(bufs[0]), "%s/%s", tmpdir, rel);
	return b;
}

static int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/ld-test-audit-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];
	(void)state;

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* A Debian 6.1-like config: module signatures not forced, KASLR on, kexec with signatures. */
static const char debian61[] =
	"#\n# Automatically generated file; DO NOT EDIT.\n"
	"# Linux/x86 6.1.176 Kernel Configuration\n#\n"
	"CONFIG_MODULES=y\nCONFIG_MODULE_SIG=y\n# CONFIG_MODULE_SIG_FORCE is not set\n"
	"CONFIG_MODULE_SIG_HASH=\"sha256\"\nCONFIG_STRICT_MODULE_RWX=y\n"
	"CONFIG_KEXEC=y\nCONFIG_KEXEC_FILE=y\nCONFIG_KEXEC_SIG=y\n"
	"# CONFIG_KEXEC_SIG_FORCE is not set\nCONFIG_KEXEC_BZIMAGE_VERIFY_SIG=y\n"
	"CONFIG_SECURITY_LOCKDOWN_LSM=y\nCONFIG_SECURITY_LOCKDOWN_LSM_EARLY=y\n"
	"CONFIG_LOCK_DOWN_KERNEL_FORCE_NONE=y\nCONFIG_LOCK_DOWN_IN_EFI_SECURE_BOOT=y\n"
	"CONFIG_LSM=\"landlock,lockdown,yama,integrity,apparmor,bpf\"\nCONFIG_BPF_LSM=y\n"
	"CONFIG_RANDOMIZE_BASE=y\nCONFIG_RANDOMIZE_MEMORY=y\nCONFIG_DEVMEM=y\n"
	"CONFIG_STRICT_DEVMEM=y\nCONFIG_IO_STRICT_DEVMEM=y\nCONFIG_EFI=y\n";

static const struct ld_check *find_check(const char *id, enum ld_profile prof)
{
	for (size_t i = 0; i < ld_checks_count; i++)
		if (strcmp(ld_checks[i].id, id) == 0 && ld_checks[i].sev[prof] != LD_SEV_NONE)
			return &ld_checks[i];
	return NULL;
}

/* Evaluate one check with the given options; returns its status, evidence in ev. */
static enum ld_status run(const struct ld_audit_opts *o, enum ld_profile prof, const char *id,
			  char *ev, size_t evlen)
{
	struct ld_audit_input in;
	struct ld_result r;
	const struct ld_check *c = find_check(id, prof);

	assert_non_null(c);
	assert_int_equal(ld_audit_gather(o, &in), 0);
	/* Rows of one id for different architectures: the one for this architecture. */
	for (size_t i = 0; i < ld_checks_count; i++) {
		const struct ld_check *x = &ld_checks[i];

		if (strcmp(x->id, id) == 0 && x->sev[prof] != LD_SEV_NONE && x->arch &&
		    strcmp(x->arch, in.arch) == 0)
			c = x;
	}
	ld_check_eval(c, prof, &in, &r);
	ld_audit_input_free(&in);
	if (ev)
		snprintf(ev, evlen, "%s", r.evidence);
	return r.status;
}

/* gather() on options that must fail, quietly: stderr goes to a file, returned. */
static int gather_err(const struct ld_audit_opts *o, char *err, size_t errlen)
{
	struct ld_audit_input *in = calloc(1, sizeof(*in));
	char path[128];
	int saved, fd, ret;

	assert_non_null(in);
	snprintf(path, sizeof(path), "%s/gather.err", tmpdir);
	fflush(stderr);
	saved = dup(2);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	dup2(fd, 2);
	close(fd);
	alarm(20); /* a reader that blocks fails here instead of hanging */
	ret = ld_audit_gather(o, in);
	alarm(0);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	if (ret == 0)
		ld_audit_input_free(in);
	free(in);
	assert_true(ld_read_file(path, err, errlen) >= 0);
	return ret;
}

static void test_kconfig_parse(void **state)
{
	static const char text[] = "# Linux/x86 5.10.223 Kernel Configuration\n"
				   "CONFIG_A=y\r\n"
				   "# CONFIG_B is not set\n"
				   "CONFIG_S=\"lockdown,bpf\"\n"
				   "CONFIG_N=0x10\n"
				   "this line has no equals sign\n"
				   "CONFIG_A=m\n" /* the last occurrence wins */
				   "CONFIG_B=y\n"
				   "CONFIG_=y\n"
				   "CONFIG_BAD NAME=y\n";
	struct ld_kconfig kc;
	char why[128];
	(void)state;

	assert_int_equal(ld_kconfig_parse(&kc, text, sizeof(text) - 1, why, sizeof(why)), 0);
	assert_string_equal(kc.version, "5.10.223");
	assert_int_equal(kc.kver, LD_KVER(5, 10));
	assert_string_equal(ld_kconfig_get(&kc, "A"), "m");
	assert_string_equal(ld_kconfig_get(&kc, "B"), "y");
	assert_string_equal(ld_kconfig_get(&kc, "S"), "lockdown,bpf");
	assert_string_equal(ld_kconfig_get(&kc, "N"), "0x10");
	assert_null(ld_kconfig_get(&kc, "MISSING"));
	assert_int_equal(kc.count, 4);
	assert_int_equal(kc.bad_lines, 3);
	assert_int_equal(kc.first_bad_line, 6);
	ld_kconfig_free(&kc);

	/* Not set after set: "n". Thousands of options grow the table. */
	{
		char *big = malloc(1 << 20);
		size_t off = 0;

		assert_non_null(big);
		for (int i = 0; i < 20000; i++)
			off += (size_t)sprintf(big + off, "CONFIG_OPT_%d=y\n", i);
		off += (size_t)sprintf(big + off, "# CONFIG_OPT_7 is not set\n");
		assert_int_equal(ld_kconfig_parse(&kc, big, off, why, sizeof(why)), 0);
		assert_int_equal(kc.count, 20000);
		assert_string_equal(ld_kconfig_get(&kc, "OPT_7"), "n");
		assert_string_equal(ld_kconfig_get(&kc, "OPT_19999"), "y");
		assert_string_equal(kc.version, "");
		ld_kconfig_free(&kc);
		free(big);
	}
}

static void test_kconfig_malformed(void **state)
{
	static const char junk[] = "\x7f"
				   "ELF\x02\x01\x01\0\0\0CONFIG_A=y\n";
	struct ld_kconfig kc;
	char why[128];
	(void)state;

	assert_int_equal(ld_kconfig_parse(&kc, junk, sizeof(junk) - 1, why, sizeof(why)), -EINVAL);
	assert_non_null(strstr(why, "binary"));
	assert_int_equal(ld_kconfig_parse(&kc, "", 0, why, sizeof(why)), -EINVAL);
	assert_int_equal(ld_kconfig_parse(&kc, "hello\nworld\n", 12, why, sizeof(why)), -EINVAL);
	assert_non_null(strstr(why, "no CONFIG_"));
	assert_int_equal(ld_kver_parse("6.12.107+deb13-amd64"), LD_KVER(6, 12));
	assert_int_equal(ld_kver_parse("x6.1"), 0);
	assert_int_equal(ld_kver_parse("6"), 0);
}

static void test_kconfig_files(void **state)
{
	struct ld_kconfig kc;
	char why[128];
	gzFile gz;
	FILE *f;
	long size;
	char *buf;
	(void)state;

	write_text("plain.config", debian61);
	assert_int_equal(ld_kconfig_load(&kc, p("plain.config"), why, sizeof(why)), 0);
	assert_string_equal(ld_kconfig_get(&kc, "MODULE_SIG_FORCE"), "n");
	ld_kconfig_free(&kc);

	gz = gzopen(p("config.gz"), "wb");
	assert_non_null(gz);
	assert_int_equal(gzwrite(gz, debian61, sizeof(debian61) - 1), (int)sizeof(debian61) - 1);
	gzclose(gz);
	assert_int_equal(ld_kconfig_load(&kc, p("config.gz"), why, sizeof(why)), 0);
	assert_string_equal(kc.version, "6.1.176");
	assert_string_equal(ld_kconfig_get(&kc, "RANDOMIZE_BASE"), "y");
	ld_kconfig_free(&kc);

	/* The same stream cut in half. */
	f = fopen(p("config.gz"), "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	buf = malloc((size_t)size);
	assert_int_equal(fread(buf, 1, (size_t)size, f), (size_t)size);
	fclose(f);
	write_file("truncated.gz", buf, (size_t)size / 2);
	assert_int_not_equal(ld_kconfig_load(&kc, p("truncated.gz"), why, sizeof(why)), 0);
	/* The caller names the file: the reason must not repeat it (zlib's text starts with it). */
	assert_null(strstr(why, "truncated.gz"));
	assert_non_null(strstr(why, "unexpected end of file"));
	/* A gzip header followed by junk. */
	memset(buf + 10, 0xa5, (size_t)size - 10);
	write_file("corrupt.gz", buf, (size_t)size);
	assert_int_not_equal(ld_kconfig_load(&kc, p("corrupt.gz"), why, sizeof(why)), 0);
	free(buf);

	assert_int_equal(ld_kconfig_load(&kc, p("nonexistent"), why, sizeof(why)), -ENOENT);
}

static void test_cmdline(void **state)
{
	struct ld_cmdline cl;
	const char *v;
	char order[256];
	(void)state;

	assert_int_equal(ld_cmdline_parse(&cl, "BOOT_IMAGE=/vmlinuz root=UUID=x ro "
					       "lockdown=none dyndbg=\"file a.c +p\" "
					       "\"acpi_osi=Windows 2020\" nokaslr "
					       "module.sig-enforce=1 lockdown=integrity -- "
					       "nohibernate init_arg=1\n"),
			 0);
	assert_true(ld_cmdline_get(&cl, "lockdown", &v));
	assert_string_equal(v, "integrity"); /* the last one wins */
	assert_true(ld_cmdline_get(&cl, "root", &v));
	assert_string_equal(v, "UUID=x");
	assert_true(ld_cmdline_get(&cl, "dyndbg", &v));
	assert_string_equal(v, "file a.c +p");
	assert_true(ld_cmdline_get(&cl, "acpi_osi", &v));
	assert_string_equal(v, "Windows 2020");
	assert_true(ld_cmdline_get(&cl, "nokaslr", &v));
	assert_null(v);
	assert_true(ld_cmdline_get(&cl, "module.sig_enforce", &v)); /* '-' == '_' */
	assert_string_equal(v, "1");
	/* After "--" everything belongs to init. */
	assert_false(ld_cmdline_get(&cl, "nohibernate", NULL));
	assert_false(ld_cmdline_get(&cl, "init_arg", NULL));
	assert_false(ld_cmdline_get(&cl, "lsm", NULL));
	ld_cmdline_free(&cl);

	assert_int_equal(ld_parse_bool(NULL), 1);
	assert_int_equal(ld_parse_bool("Y"), 1);
	assert_int_equal(ld_parse_bool("on"), 1);
	assert_int_equal(ld_parse_bool("off"), 0);
	assert_int_equal(ld_parse_bool("0"), 0);
	assert_int_equal(ld_parse_bool("maybe"), -1);

	/* lsm= wins over security=; security= alone drops the other legacy major LSMs. */
	assert_int_equal(ld_cmdline_parse(&cl, "security=selinux lsm=lockdown,bpf"), 0);
	assert_int_equal(ld_cmdline_lsm_order(&cl, "lockdown,apparmor", order, sizeof(order)), 0);
	assert_string_equal(order, "lockdown,bpf");
	ld_cmdline_free(&cl);
	assert_int_equal(ld_cmdline_parse(&cl, "security=selinux"), 0);
	assert_int_equal(ld_cmdline_lsm_order(&cl, "landlock,lockdown,yama,apparmor,selinux,bpf",
					      order, sizeof(order)),
			 0);
	assert_string_equal(order, "landlock,lockdown,yama,selinux,bpf");
	assert_int_equal(ld_cmdline_lsm_order(&cl, NULL, order, sizeof(order)), -ENOENT);
	ld_cmdline_free(&cl);
	assert_int_equal(ld_cmdline_parse(&cl, "   "), 0);
	assert_int_equal(cl.count, 0);
	ld_cmdline_free(&cl);
	assert_true(ld_list_has("a,bpf,c", "bpf"));
	assert_false(ld_list_has("a,bpfx,c", "bpf"));
	assert_false(ld_list_has(NULL, "bpf"));
}

/* Offline with only a config: enforcement fails; a lockdown= parameter makes it pass. */
static void test_module_sig_offline(void **state)
{
	struct ld_audit_opts o = { .offline = true };
	char ev[1024];
	(void)state;

	write_text("deb61.config", debian61);
	o.kconfig = p("deb61.config");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "modules.sig_enforced", ev, sizeof(ev)),
			 LD_ST_FAIL);
	assert_non_null(strstr(ev, "CONFIG_MODULE_SIG_FORCE is not set"));
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "kaslr.base", NULL, 0), LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "kaslr.cmdline", NULL, 0), LD_ST_UNKNOWN);

	write_text("cmdline-int", "root=/dev/vda lockdown=integrity\n");
	o.cmdline = p("cmdline-int");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "modules.sig_enforced", ev, sizeof(ev)),
			 LD_ST_PASS);
	assert_non_null(strstr(ev, "lockdown=integrity on the command line"));
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "kexec.load", NULL, 0), LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "kexec.file", NULL, 0), LD_ST_PASS);
	/* kspp wants confidentiality and no kexec_load (KSPP says nothing of kexec_file_load). */
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "lockdown.level", NULL, 0), LD_ST_FAIL);
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "kexec.load", NULL, 0), LD_ST_FAIL);
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "kexec.file", NULL, 0), LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "kaslr.cmdline", NULL, 0), LD_ST_PASS);

	write_text("cmdline-sig", "module.sig_enforce=1 lockdown=bogus nokaslr");
	o.cmdline = p("cmdline-sig");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "modules.sig_enforced", ev, sizeof(ev)),
			 LD_ST_PASS);
	assert_non_null(strstr(ev, "module.sig_enforce=1"));
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "lockdown.level", ev, sizeof(ev)),
			 LD_ST_FAIL);
	assert_non_null(strstr(ev, "not a level"));
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "kaslr.cmdline", NULL, 0), LD_ST_FAIL);

	/* lockdown= without the lockdown LSM built counts for nothing. */
	write_text("nolsm.config", "# Linux/x86 6.1.0 Kernel Configuration\nCONFIG_MODULES=y\n"
				   "# CONFIG_SECURITY_LOCKDOWN_LSM is not set\n");
	o.kconfig = p("nolsm.config");
	o.cmdline = p("cmdline-int");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "modules.sig_enforced", NULL, 0),
			 LD_ST_FAIL);

	/* Forced by the config: passes with that evidence. */
	write_text("forced.config", "CONFIG_MODULES=y\nCONFIG_MODULE_SIG_FORCE=y\n");
	o.kconfig = p("forced.config");
	o.cmdline = NULL;
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "modules.sig_enforced", ev, sizeof(ev)),
			 LD_ST_PASS);
	assert_string_equal(ev, "CONFIG_MODULE_SIG_FORCE=y");
}

/* The running kernel's answer decides when it can be read. */
static void test_runtime_trees(void **state)
{
	struct ld_audit_opts o = { .offline = true };
	char ev[1024];
	(void)state;

	write_text("deb61.config", debian61);
	write_text("sec/lockdown", "none [integrity] confidentiality\n");
	write_text("sec/lsm", "lockdown,capability,landlock,bpf");
	o.kconfig = p("deb61.config");
	o.securityfs = p("sec");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "modules.sig_enforced", ev, sizeof(ev)),
			 LD_ST_PASS);
	assert_string_equal(ev, "kernel lockdown level is integrity");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "kexec.load", NULL, 0), LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "bpf.lsm", NULL, 0), LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "lockdown.level", NULL, 0), LD_ST_FAIL);

	/* Runtime "none" beats a lockdown= on the command line that did not take. */
	write_text("sec/lockdown", "[none] integrity confidentiality\n");
	write_text("sec/lsm", "capability,apparmor");
	write_text("cmdline-int", "lockdown=integrity");
	o.cmdline = p("cmdline-int");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "lockdown.level", ev, sizeof(ev)),
			 LD_ST_FAIL);
	assert_string_equal(ev, "kernel lockdown level is none");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "bpf.lsm", NULL, 0), LD_ST_FAIL);
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "lockdown.active", NULL, 0), LD_ST_FAIL);

	/* Unreadable runtime files: unknown, not a crash. */
	write_text("sec/lockdown", "garbage\n");
	o.cmdline = NULL;
	o.kconfig = NULL;
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "lockdown.level", ev, sizeof(ev)),
			 LD_ST_UNKNOWN);
	assert_non_null(strstr(ev, "unexpected content"));
	/* A directory named on the command line that is not there is an error, as a file is. */
	o.securityfs = p("no-such-dir");
	{
		char err[512];

		assert_int_equal(gather_err(&o, err, sizeof(err)), -ENOENT);
		assert_non_null(strstr(err, "--securityfs"));
	}

	/* sysfs: sig_enforce and EFI variables (4 attribute bytes, then the value). */
	o.securityfs = NULL;
	write_text("sys/module/module/parameters/sig_enforce", "Y\n");
	o.sysfs_root = p("sys");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "modules.sig_enforced", ev, sizeof(ev)),
			 LD_ST_PASS);
	assert_string_equal(ev, "runtime module.sig_enforce=Y");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "secureboot.enabled", ev, sizeof(ev)),
			 LD_ST_FAIL);
	assert_non_null(strstr(ev, "not an EFI boot"));
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "secureboot.setup_mode", NULL, 0),
			 LD_ST_UNKNOWN);
	write_file("sys/firmware/efi/efivars/SecureBoot-" LD_EFI_GLOBAL_GUID, "\x06\0\0\0\x01", 5);
	write_file("sys/firmware/efi/efivars/SetupMode-" LD_EFI_GLOBAL_GUID, "\x06\0\0\0\x00", 5);
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "secureboot.enabled", NULL, 0), LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "secureboot.setup_mode", NULL, 0),
			 LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "secureboot.shim", ev, sizeof(ev)),
			 LD_ST_PASS);
	assert_non_null(strstr(ev, "absent"));
	write_file("sys/firmware/efi/efivars/MokSBStateRT-" LD_EFI_SHIM_GUID, "\x06\0\0\0\x01", 5);
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "secureboot.shim", NULL, 0), LD_ST_FAIL);
	write_file("sys/firmware/efi/efivars/SetupMode-" LD_EFI_GLOBAL_GUID, "\x06", 1);
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "secureboot.setup_mode", NULL, 0),
			 LD_ST_UNKNOWN);
}

static void test_sysctl_tree(void **state)
{
	struct ld_audit_opts o = { .offline = true };
	char ev[1024];
	(void)state;

	write_text("proc/kernel/kptr_restrict", "1\n");
	write_text("proc/kernel/tainted", "8192\n");
	write_text("proc/net/core/bpf_jit_harden", "1\n");
	o.sysctl_root = p("proc");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "leaks.kptr_restrict", NULL, 0), LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "leaks.kptr_restrict", ev, sizeof(ev)),
			 LD_ST_FAIL);
	assert_string_equal(ev, "kernel.kptr_restrict=1");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "bpf.jit_harden", NULL, 0), LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "bpf.jit_harden", NULL, 0), LD_ST_FAIL);
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "modules.unsigned_taint", ev, sizeof(ev)),
			 LD_ST_FAIL);
	assert_non_null(strstr(ev, "bit 13 set"));
	write_text("proc/kernel/tainted", "4096\n");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "modules.unsigned_taint", NULL, 0),
			 LD_ST_PASS);
	/* Absent and malformed files: unknown. */
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "leaks.dmesg_restrict", ev, sizeof(ev)),
			 LD_ST_UNKNOWN);
	assert_non_null(strstr(ev, "not present"));
	write_text("proc/kernel/dmesg_restrict", "yes\n");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "leaks.dmesg_restrict", NULL, 0),
			 LD_ST_UNKNOWN);
	/* A sysctl root that is not a directory is an error of the caller. */
	{
		char err[512];

		o.sysctl_root = p("proc/kernel/tainted");
		assert_int_equal(gather_err(&o, err, sizeof(err)), -ENOTDIR);
		assert_non_null(strstr(err, "not a directory (--sysctl-root)"));
	}
}

/* Integers as the kernel writes them, and nothing else: "0x2" is not 2. */
static void test_sysctl_values(void **state)
{
	static const struct {
		const char *text;
		int ret;
		long long v;
	} cases[] = {
		{ "2\n", 0, 2 },
		{ "0", 0, 0 },
		{ "-1\n", 0, -1 },
		{ "4\t4\t1\t7\n", 0, 4 }, /* kernel.printk: the first value */
		{ "9223372036854775807\n", 0, 9223372036854775807LL },
		{ "0x2\n", -EINVAL, 0 },
		{ "010\n", 0, 10 }, /* decimal, never octal */
		{ "02\n", 0, 2 },
		{ " 2\n", -EINVAL, 0 },
		{ "2 apples\n", -EINVAL, 0 },
		{ "2\n\n", -EINVAL, 0 },
		{ "4\t4\tx\n", -EINVAL, 0 },
		{ "4\t\n", -EINVAL, 0 },
		{ "", -EINVAL, 0 },
		{ "-", -EINVAL, 0 },
		{ "+2", -EINVAL, 0 },
		{ "9223372036854775808\n", -ERANGE, 0 },
	};
	struct ld_audit_opts o = { .offline = true };
	char ev[1024];
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		long long v = 12345;
		int ret = ld_sysctl_parse(cases[i].text, &v);

		if (ret != cases[i].ret || (ret == 0 && v != cases[i].v))
			fail_msg("'%s': %d %lld, want %d %lld", cases[i].text, ret, v, cases[i].ret,
				 cases[i].v);
	}
	/* Through the audit: kptr_restrict "0x2" is unknown, not 2 (a pass for kspp). */
	write_text("hex/kernel/kptr_restrict", "0x2\n");
	o.sysctl_root = p("hex");
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "leaks.kptr_restrict", ev, sizeof(ev)),
			 LD_ST_UNKNOWN);
	assert_non_null(strstr(ev, "not a decimal integer"));
	write_text("hex/kernel/kptr_restrict", "2\n");
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "leaks.kptr_restrict", NULL, 0), LD_ST_PASS);
}

/* A FIFO where a file is expected is refused at once, whichever input it is. */
static void test_fifo_inputs(void **state)
{
	struct ld_audit_opts o = { .offline = true };
	char ev[1024], err[1024];
	(void)state;

	assert_int_equal(mkfifo(p("fifo"), 0600), 0);
	o.kconfig = p("fifo");
	assert_int_equal(gather_err(&o, err, sizeof(err)), -LD_ENOTREG);
	assert_non_null(strstr(err, "not a regular file"));
	assert_non_null(strstr(err, "--kconfig"));
	o.kconfig = NULL;
	o.cmdline = p("fifo");
	assert_int_equal(gather_err(&o, err, sizeof(err)), -LD_ENOTREG);
	assert_non_null(strstr(err, "--cmdline"));
	o.cmdline = NULL;

	/* Inside trees: that fact is unknown, and says why. */
	write_text("fsys/kernel/dmesg_restrict", "1\n");
	assert_int_equal(mkfifo(p("fsys/kernel/kptr_restrict"), 0600), 0);
	o.sysctl_root = p("fsys");
	alarm(20);
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "leaks.kptr_restrict", ev, sizeof(ev)),
			 LD_ST_UNKNOWN);
	assert_non_null(strstr(ev, "not a regular file"));
	o.sysctl_root = NULL;
	assert_int_equal(mkdir(p("fsec"), 0755), 0);
	assert_int_equal(mkfifo(p("fsec/lockdown"), 0600), 0);
	assert_int_equal(mkfifo(p("fsec/lsm"), 0600), 0);
	o.securityfs = p("fsec");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "lockdown.level", ev, sizeof(ev)),
			 LD_ST_UNKNOWN);
	assert_non_null(strstr(ev, "not a regular file"));
	o.securityfs = NULL;
	write_text("fsysfs/module/x", "");
	assert_int_equal(mkdir(p("fsysfs/module/module"), 0755), 0);
	assert_int_equal(mkdir(p("fsysfs/module/module/parameters"), 0755), 0);
	assert_int_equal(mkfifo(p("fsysfs/module/module/parameters/sig_enforce"), 0600), 0);
	write_file("fsysfs/firmware/efi/efivars/x", "", 0);
	assert_int_equal(
		mkfifo(p("fsysfs/firmware/efi/efivars/SecureBoot-" LD_EFI_GLOBAL_GUID), 0600), 0);
	o.sysfs_root = p("fsysfs");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "secureboot.enabled", ev, sizeof(ev)),
			 LD_ST_UNKNOWN);
	assert_non_null(strstr(ev, "not a regular file"));
	alarm(0);
}

/* Explicit inputs that are not there: an error (exit 2) for each kind alike. */
static void test_missing_inputs(void **state)
{
	static const char *const kinds[] = { "--kconfig", "--cmdline", "--sysctl-root",
					     "--securityfs", "--sysfs-root" };
	char err[1024];
	(void)state;

	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		struct ld_audit_opts o = { .offline = true };
		const char **field[] = { &o.kconfig, &o.cmdline, &o.sysctl_root, &o.securityfs,
					 &o.sysfs_root };

		*field[k] = "/nonexistent";
		assert_int_equal(gather_err(&o, err, sizeof(err)), -ENOENT);
		assert_non_null(strstr(err, "/nonexistent"));
		assert_non_null(strstr(err, kinds[k]));
		/* One line. */
		assert_ptr_equal(strchr(err, '\n'), err + strlen(err) - 1);
	}
	{
		/* Offline with nothing at all to read: an error, not a report of unknowns. */
		struct ld_audit_opts o = { .offline = true };

		assert_int_equal(gather_err(&o, err, sizeof(err)), -ENODATA);
		assert_non_null(strstr(err, "--offline with nothing to read"));
		assert_ptr_equal(strchr(err, '\n'), err + strlen(err) - 1);
	}
	{
		/* A directory that is not the tree it should be. */
		struct ld_audit_opts o = { .offline = true };

		assert_int_equal(mkdir(p("empty"), 0755), 0);
		o.sysfs_root = p("empty");
		assert_int_equal(gather_err(&o, err, sizeof(err)), -ENOENT);
		assert_non_null(strstr(err, "no module/ in it: not a sysfs tree"));
		o.sysfs_root = NULL;
		o.sysctl_root = p("empty");
		assert_int_equal(gather_err(&o, err, sizeof(err)), -ENOENT);
		assert_non_null(strstr(err, "no kernel/ in it: not a sysctl tree"));
	}
}

/* Long paths are read as they are, never cut short; too long is an error. */
static void test_long_paths(void **state)
{
	struct ld_audit_opts o = { .offline = true };
	char rel[1024] = "long", ev[1024], err[1024];
	char *huge;
	(void)state;

	/* A sysctl root of 393 characters or more. */
	while (strlen(p(rel)) < 393)
		strcat(rel, "/0123456789");
	{
		char file[1100];

		snprintf(file, sizeof(file), "%s/kernel/kptr_restrict", rel);
		write_text(file, "2\n");
	}
	o.sysctl_root = p(rel);
	assert_true(strlen(o.sysctl_root) >= 393);
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "leaks.kptr_restrict", ev, sizeof(ev)),
			 LD_ST_PASS);
	assert_string_equal(ev, "kernel.kptr_restrict=2");

	huge = malloc(PATH_MAX + 100);
	memset(huge, 'a', PATH_MAX + 99);
	huge[0] = '/';
	huge[PATH_MAX + 99] = '\0';
	o.sysctl_root = huge;
	assert_int_equal(gather_err(&o, err, sizeof(err)), -ENAMETOOLONG);
	assert_non_null(strstr(err, "path too long"));
	o.sysctl_root = NULL;
	o.kconfig = huge;
	assert_int_equal(gather_err(&o, err, sizeof(err)), -ENAMETOOLONG);
	free(huge);
}

/* Options renamed or removed between kernels: version windows from the config header. */
static void test_version_windows(void **state)
{
	struct ld_audit_opts o = { .offline = true };
	char ev[1024];
	(void)state;

	write_text("old.config",
		   "# Linux/x86 4.19.0 Kernel Configuration\n"
		   "CONFIG_EFI=y\nCONFIG_LOCK_DOWN_IN_SECURE_BOOT=y\nCONFIG_DEVKMEM=y\n");
	o.kconfig = p("old.config");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "lockdown.secure_boot", ev, sizeof(ev)),
			 LD_ST_PASS);
	assert_string_equal(ev, "CONFIG_LOCK_DOWN_IN_SECURE_BOOT=y");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "memory.devkmem", NULL, 0), LD_ST_FAIL);

	/* Outside their windows, absent options are not applicable... */
	write_text("new.config", "# Linux/x86 6.1.0 Kernel Configuration\nCONFIG_EFI=y\n");
	o.kconfig = p("new.config");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "memory.devkmem", ev, sizeof(ev)),
			 LD_ST_INFO);
	assert_non_null(strstr(ev, "not applicable"));
	/* ...but a config lists only what its kernel has: a present option decides, whatever
	 * the version (a backport, or a distribution's patch). */
	write_text("new.config",
		   "# Linux/x86 6.1.0 Kernel Configuration\n"
		   "CONFIG_EFI=y\nCONFIG_LOCK_DOWN_IN_SECURE_BOOT=y\nCONFIG_DEVKMEM=y\n");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "lockdown.secure_boot", NULL, 0),
			 LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "memory.devkmem", NULL, 0), LD_ST_FAIL);

	/* BPF_UNPRIV_DEFAULT_OFF came in 5.13; Debian's 5.10 has it as a backport. */
	write_text("bp.config", "# Linux/x86 5.10.0 Kernel Configuration\n"
				"CONFIG_BPF_UNPRIV_DEFAULT_OFF=y\n");
	o.kconfig = p("bp.config");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "bpf.unpriv_default_off", ev, sizeof(ev)),
			 LD_ST_PASS);
	write_text("bp.config", "# Linux/x86 5.10.0 Kernel Configuration\n"
				"# CONFIG_BPF_UNPRIV_DEFAULT_OFF is not set\n");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "bpf.unpriv_default_off", NULL, 0),
			 LD_ST_FAIL);
	write_text("bp.config", "# Linux/x86 5.10.0 Kernel Configuration\nCONFIG_EFI=y\n");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "bpf.unpriv_default_off", ev, sizeof(ev)),
			 LD_ST_INFO);
	assert_non_null(strstr(ev, "introduced in 5.13"));
}

/* The config reader keeps only what the table reads, and still counts every option. */
static void test_kconfig_filter(void **state)
{
	static const char text[] = "# Linux/arm64 6.1.0 Kernel Configuration\n"
				   "CONFIG_MODULES=y\nCONFIG_NOT_IN_TABLE=y\n"
				   "# CONFIG_KEXEC is not set\n# CONFIG_ALSO_NOT is not set\n";
	struct ld_kconfig kc;
	char why[256];

	(void)state;
	assert_int_equal(ld_kconfig_parse_want(&kc, text, sizeof(text) - 1, ld_audit_kconfig_wanted,
					       why, sizeof(why)),
			 0);
	assert_int_equal(kc.options, 4);
	assert_int_equal(kc.count, 2);
	assert_string_equal(ld_kconfig_get(&kc, "MODULES"), "y");
	assert_string_equal(ld_kconfig_get(&kc, "KEXEC"), "n");
	assert_null(ld_kconfig_get(&kc, "NOT_IN_TABLE"));
	assert_string_equal(kc.arch, "arm64");
	assert_string_equal(kc.version, "6.1.0");
	ld_kconfig_free(&kc);
	assert_true(ld_audit_kconfig_wanted("X86_MSR", 7));
	assert_true(ld_audit_kconfig_wanted("LSM", 3));
	assert_false(ld_audit_kconfig_wanted("X86_MS", 6));
}

/* arm64: x86-only checks are not applicable, arm64's own are checked. */
static void test_arm64(void **state)
{
	struct ld_audit_opts o = { .offline = true };
	char ev[1024];

	(void)state;
	write_text("arm64.config", "# Linux/arm64 6.12.0 Kernel Configuration\n"
				   "CONFIG_ARM64=y\nCONFIG_ARM64_BTI_KERNEL=y\n"
				   "# CONFIG_ARM64_PTR_AUTH_KERNEL is not set\n"
				   "CONFIG_RANDOMIZE_BASE=y\nCONFIG_DEFAULT_MMAP_MIN_ADDR=32768\n"
				   "CONFIG_IOMMU_SUPPORT=y\nCONFIG_ARM_SMMU_V3=y\n");
	o.kconfig = p("arm64.config");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "interfaces.msr", ev, sizeof(ev)),
			 LD_ST_INFO);
	assert_non_null(strstr(ev, "not applicable to arm64 (x86 only"));
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "kaslr.memory", NULL, 0), LD_ST_INFO);
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "text.bti", ev, sizeof(ev)), LD_ST_PASS);
	assert_string_equal(ev, "CONFIG_ARM64_BTI_KERNEL=y");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "text.pac", NULL, 0), LD_ST_FAIL);
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "dma.arm_smmu", NULL, 0), LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "kaslr.base", NULL, 0), LD_ST_PASS);
	/* KSPP's arm64 threshold is 32768, x86's 65536. */
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "isolation.mmap_min_addr", NULL, 0), LD_ST_PASS);
	/* No header: the architecture from the options. */
	write_text("arm64.config", "CONFIG_ARM64=y\nCONFIG_X86_MSR=y\n");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "interfaces.msr", ev, sizeof(ev)),
			 LD_ST_INFO);
	assert_non_null(strstr(ev, "from the config"));
	/* x86: arm64 checks are not applicable, x86's fail on their own evidence. */
	write_text("x86.config", "# Linux/x86 6.1.0 Kernel Configuration\nCONFIG_X86_MSR=m\n"
				 "CONFIG_DEFAULT_MMAP_MIN_ADDR=32768\n");
	o.kconfig = p("x86.config");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "text.bti", NULL, 0), LD_ST_INFO);
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "interfaces.msr", ev, sizeof(ev)),
			 LD_ST_FAIL);
	assert_non_null(strstr(ev, "CONFIG_X86_MSR=m"));
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "isolation.mmap_min_addr", NULL, 0), LD_ST_FAIL);
}

/* kspp follows KSPP's thresholds; the integrity profile keeps its looser ones. */
static void test_kspp_thresholds(void **state)
{
	struct ld_audit_opts o = { .offline = true };
	enum ld_profile prof;

	(void)state;
	assert_int_equal(ld_profile_from_name("integrity", &prof), 0);
	assert_int_equal(prof, LD_PROFILE_INTEGRITY);
	assert_int_equal(ld_profile_from_name("cloudflare", &prof), 0); /* the old name */
	assert_int_equal(prof, LD_PROFILE_INTEGRITY);
	assert_string_equal(ld_profile_name(LD_PROFILE_INTEGRITY), "integrity");

	mkdir(p("ks"), 0755);
	mkdir(p("ks/kernel"), 0755);
	mkdir(p("ks/net"), 0755);
	mkdir(p("ks/net/core"), 0755);
	write_text("ks/kernel/unprivileged_bpf_disabled", "2\n");
	write_text("ks/kernel/perf_event_paranoid", "2\n");
	o.sysctl_root = p("ks");
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "bpf.unprivileged", NULL, 0), LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "bpf.unprivileged", NULL, 0), LD_ST_FAIL);
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "leaks.perf_event_paranoid", NULL, 0),
			 LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "leaks.perf_event_paranoid", NULL, 0),
			 LD_ST_FAIL);
	write_text("ks/kernel/unprivileged_bpf_disabled", "1\n");
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "bpf.unprivileged", NULL, 0), LD_ST_PASS);

	o.sysctl_root = NULL;
	write_text("k.config", debian61);
	o.kconfig = p("k.config");
	/* SHA-256 signatures and a strict /dev/mem pass integrity; KSPP wants SHA-512, no
	 * /dev/mem. */
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "modules.sig_hash", NULL, 0), LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "modules.sig_hash", NULL, 0), LD_ST_FAIL);
	assert_int_equal(run(&o, LD_PROFILE_INTEGRITY, "memory.devmem", NULL, 0), LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "memory.devmem", NULL, 0), LD_ST_FAIL);
}

/* The kernel's level and this project's sealed enforcer make an interface moot. */
static void test_moot(void **state)
{
	struct ld_audit_input in;
	struct ld_result r;
	const struct ld_check *c = find_check("interfaces.msr", LD_PROFILE_INTEGRITY);
	static const char cfg[] = "# Linux/x86 6.1.0 Kernel Configuration\nCONFIG_X86_MSR=m\n";
	char why[128];

	(void)state;
	memset(&in, 0, sizeof(in));
	assert_int_equal(ld_kconfig_parse(&in.kconfig, cfg, sizeof(cfg) - 1, why, sizeof(why)), 0);
	in.have_kconfig = true;
	snprintf(in.arch, sizeof(in.arch), "x86");
	in.cmdline_excluded = in.sysctl_excluded = true;
	snprintf(in.lockdown.value, sizeof(in.lockdown.value), "none");
	in.lockdown.known = true;
	in.secure_boot.excluded = true;
	snprintf(in.enforcer.value, sizeof(in.enforcer.value), "loaded");
	in.enforcer.known = true;
	snprintf(in.enforcer_denies.value, sizeof(in.enforcer_denies.value), "msr,dev_mem");
	in.enforcer_denies.known = true;
	ld_check_eval(c, LD_PROFILE_INTEGRITY, &in, &r);
	assert_int_equal(r.status, LD_ST_FAIL); /* unsealed: root removes it */
	assert_non_null(strstr(r.evidence, "not sealed"));
	snprintf(in.enforcer.value, sizeof(in.enforcer.value), "sealed");
	ld_check_eval(c, LD_PROFILE_INTEGRITY, &in, &r);
	assert_int_equal(r.status, LD_ST_PASS);
	assert_string_equal(r.evidence, "sealed lockdown enforcer denies msr to every task");
	snprintf(in.enforcer_denies.value, sizeof(in.enforcer_denies.value), "dev_mem");
	ld_check_eval(c, LD_PROFILE_INTEGRITY, &in, &r);
	assert_int_equal(r.status, LD_ST_FAIL);
	snprintf(in.lockdown.value, sizeof(in.lockdown.value), "integrity");
	ld_check_eval(c, LD_PROFILE_INTEGRITY, &in, &r);
	assert_int_equal(r.status, LD_ST_PASS);
	assert_string_equal(r.evidence, "kernel lockdown level is integrity");
	c = find_check("enforcer.sealed", LD_PROFILE_INTEGRITY);
	ld_check_eval(c, LD_PROFILE_INTEGRITY, &in, &r);
	assert_int_equal(r.status, LD_ST_PASS);
	ld_kconfig_free(&in.kconfig);
}

/* The table itself: one row per id and profile, text everywhere, ~40 checks per profile. */
static void test_table(void **state)
{
	(void)state;

	unsigned int uncited = 0;

	for (int prof = 0; prof < LD_PROFILE_N; prof++) {
		size_t n = 0;

		for (size_t i = 0; i < ld_checks_count; i++) {
			const struct ld_check *c = &ld_checks[i];

			assert_non_null(c->title);
			assert_non_null(c->area);
			assert_non_null(c->fix);
			assert_non_null(c->rationale);
			assert_non_null(c->source);
			assert_int_not_equal(ld_expr_inputs(&c->expect), 0);
			if (c->sev[prof] == LD_SEV_NONE)
				continue;
			n++;
			for (size_t j = i + 1; j < ld_checks_count; j++)
				if (ld_checks[j].sev[prof] != LD_SEV_NONE &&
				    strcmp(ld_checks[j].id, c->id) == 0 &&
				    (!c->arch || !ld_checks[j].arch ||
				     strcmp(c->arch, ld_checks[j].arch) == 0))
					fail_msg("two rows for %s in one profile", c->id);
			/* kspp follows KSPP: every row that can fail there cites KSPP's page. */
			if (prof == LD_PROFILE_KSPP && c->sev[prof] > LD_SEV_INFO &&
			    strncmp(c->source, "https://kspp.github.io/Recommended_Settings#",
				    44) != 0) {
				print_message("kspp row %s cites %s, not KSPP\n", c->id, c->source);
				uncited++;
			}
			if (c->arch && strcmp(c->arch, "x86") != 0 && strcmp(c->arch, "arm64") != 0)
				fail_msg("%s: architecture %s", c->id, c->arch);
		}
		assert_true(n >= 100);
	}
	assert_int_equal(uncited, 0);
	assert_non_null(find_check("modules.sig_enforced", LD_PROFILE_KSPP));
	assert_null(find_check("kexec.sig_force", LD_PROFILE_KSPP));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kconfig_parse),
		cmocka_unit_test(test_kconfig_malformed),
		cmocka_unit_test(test_kconfig_files),
		cmocka_unit_test(test_cmdline),
		cmocka_unit_test(test_module_sig_offline),
		cmocka_unit_test(test_runtime_trees),
		cmocka_unit_test(test_sysctl_tree),
		cmocka_unit_test(test_version_windows),
		cmocka_unit_test(test_sysctl_values),
		cmocka_unit_test(test_fifo_inputs),
		cmocka_unit_test(test_missing_inputs),
		cmocka_unit_test(test_long_paths),
		cmocka_unit_test(test_kconfig_filter),
		cmocka_unit_test(test_arm64),
		cmocka_unit_test(test_kspp_thresholds),
		cmocka_unit_test(test_moot),
		cmocka_unit_test(test_table),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
