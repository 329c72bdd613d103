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
	char path[256], *slash;
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
	static char bufs[8][256];
	static int n;
	char *b = bufs[n++ % 8];

	snprintf(b, 256, "%s/%s", tmpdir, rel);
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
	ld_check_eval(c, prof, &in, &r);
	ld_audit_input_free(&in);
	if (ev)
		snprintf(ev, evlen, "%s", r.evidence);
	return r.status;
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
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "modules.sig_enforced", ev, sizeof(ev)),
			 LD_ST_FAIL);
	assert_non_null(strstr(ev, "CONFIG_MODULE_SIG_FORCE is not set"));
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "kaslr.base", NULL, 0), LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "kaslr.cmdline", NULL, 0), LD_ST_UNKNOWN);

	write_text("cmdline-int", "root=/dev/vda lockdown=integrity\n");
	o.cmdline = p("cmdline-int");
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "modules.sig_enforced", ev, sizeof(ev)),
			 LD_ST_PASS);
	assert_non_null(strstr(ev, "lockdown=integrity on the command line"));
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "kexec.load", NULL, 0), LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "kexec.file", NULL, 0), LD_ST_PASS);
	/* kspp wants confidentiality and no kexec at all. */
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "lockdown.level", NULL, 0), LD_ST_FAIL);
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "kexec.file", NULL, 0), LD_ST_FAIL);
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "kaslr.cmdline", NULL, 0), LD_ST_PASS);

	write_text("cmdline-sig", "module.sig_enforce=1 lockdown=bogus nokaslr");
	o.cmdline = p("cmdline-sig");
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "modules.sig_enforced", ev, sizeof(ev)),
			 LD_ST_PASS);
	assert_non_null(strstr(ev, "module.sig_enforce=1"));
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "lockdown.level", ev, sizeof(ev)),
			 LD_ST_FAIL);
	assert_non_null(strstr(ev, "not a level"));
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "kaslr.cmdline", NULL, 0), LD_ST_FAIL);

	/* lockdown= without the lockdown LSM built counts for nothing. */
	write_text("nolsm.config", "# Linux/x86 6.1.0 Kernel Configuration\nCONFIG_MODULES=y\n"
				   "# CONFIG_SECURITY_LOCKDOWN_LSM is not set\n");
	o.kconfig = p("nolsm.config");
	o.cmdline = p("cmdline-int");
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "modules.sig_enforced", NULL, 0),
			 LD_ST_FAIL);

	/* Forced by the config: passes with that evidence. */
	write_text("forced.config", "CONFIG_MODULES=y\nCONFIG_MODULE_SIG_FORCE=y\n");
	o.kconfig = p("forced.config");
	o.cmdline = NULL;
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "modules.sig_enforced", ev, sizeof(ev)),
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
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "modules.sig_enforced", ev, sizeof(ev)),
			 LD_ST_PASS);
	assert_string_equal(ev, "kernel lockdown level is integrity");
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "kexec.load", NULL, 0), LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "bpf.lsm", NULL, 0), LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "lockdown.level", NULL, 0), LD_ST_FAIL);

	/* Runtime "none" beats a lockdown= on the command line that did not take. */
	write_text("sec/lockdown", "[none] integrity confidentiality\n");
	write_text("sec/lsm", "capability,apparmor");
	write_text("cmdline-int", "lockdown=integrity");
	o.cmdline = p("cmdline-int");
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "lockdown.level", ev, sizeof(ev)),
			 LD_ST_FAIL);
	assert_string_equal(ev, "kernel lockdown level is none");
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "bpf.lsm", NULL, 0), LD_ST_FAIL);
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "lockdown.active", NULL, 0), LD_ST_FAIL);

	/* Unreadable runtime files: unknown, not a crash. */
	write_text("sec/lockdown", "garbage\n");
	o.cmdline = NULL;
	o.kconfig = NULL;
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "lockdown.level", ev, sizeof(ev)),
			 LD_ST_UNKNOWN);
	assert_non_null(strstr(ev, "unexpected content"));
	o.securityfs = p("no-such-dir");
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "lockdown.level", NULL, 0), LD_ST_UNKNOWN);

	/* sysfs: sig_enforce and EFI variables (4 attribute bytes, then the value). */
	o.securityfs = NULL;
	write_text("sys/module/module/parameters/sig_enforce", "Y\n");
	o.sysfs_root = p("sys");
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "modules.sig_enforced", ev, sizeof(ev)),
			 LD_ST_PASS);
	assert_string_equal(ev, "runtime module.sig_enforce=Y");
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "secureboot.enabled", ev, sizeof(ev)),
			 LD_ST_FAIL);
	assert_non_null(strstr(ev, "not an EFI boot"));
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "secureboot.setup_mode", NULL, 0),
			 LD_ST_UNKNOWN);
	write_file("sys/firmware/efi/efivars/SecureBoot-" LD_EFI_GLOBAL_GUID, "\x06\0\0\0\x01", 5);
	write_file("sys/firmware/efi/efivars/SetupMode-" LD_EFI_GLOBAL_GUID, "\x06\0\0\0\x00", 5);
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "secureboot.enabled", NULL, 0), LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "secureboot.setup_mode", NULL, 0),
			 LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "secureboot.shim", ev, sizeof(ev)),
			 LD_ST_PASS);
	assert_non_null(strstr(ev, "absent"));
	write_file("sys/firmware/efi/efivars/MokSBStateRT-" LD_EFI_SHIM_GUID, "\x06\0\0\0\x01", 5);
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "secureboot.shim", NULL, 0), LD_ST_FAIL);
	write_file("sys/firmware/efi/efivars/SetupMode-" LD_EFI_GLOBAL_GUID, "\x06", 1);
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "secureboot.setup_mode", NULL, 0),
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
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "leaks.kptr_restrict", NULL, 0),
			 LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "leaks.kptr_restrict", ev, sizeof(ev)),
			 LD_ST_FAIL);
	assert_string_equal(ev, "kernel.kptr_restrict=1");
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "bpf.jit_harden", NULL, 0), LD_ST_PASS);
	assert_int_equal(run(&o, LD_PROFILE_KSPP, "bpf.jit_harden", NULL, 0), LD_ST_FAIL);
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "modules.unsigned_taint", ev, sizeof(ev)),
			 LD_ST_FAIL);
	assert_non_null(strstr(ev, "bit 13 set"));
	write_text("proc/kernel/tainted", "4096\n");
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "modules.unsigned_taint", NULL, 0),
			 LD_ST_PASS);
	/* Absent and malformed files: unknown. */
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "leaks.dmesg_restrict", ev, sizeof(ev)),
			 LD_ST_UNKNOWN);
	assert_non_null(strstr(ev, "not present"));
	write_text("proc/kernel/dmesg_restrict", "yes\n");
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "leaks.dmesg_restrict", NULL, 0),
			 LD_ST_UNKNOWN);
	/* A sysctl root that is not a directory is an error of the caller. */
	{
		struct ld_audit_input in;

		o.sysctl_root = p("proc/kernel/tainted");
		assert_int_not_equal(ld_audit_gather(&o, &in), 0);
	}
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
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "lockdown.secure_boot", ev, sizeof(ev)),
			 LD_ST_PASS);
	assert_string_equal(ev, "CONFIG_LOCK_DOWN_IN_SECURE_BOOT=y");
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "memory.devkmem", NULL, 0), LD_ST_FAIL);

	/* The old name means nothing on a 6.1 config. */
	write_text("new.config",
		   "# Linux/x86 6.1.0 Kernel Configuration\n"
		   "CONFIG_EFI=y\nCONFIG_LOCK_DOWN_IN_SECURE_BOOT=y\nCONFIG_DEVKMEM=y\n");
	o.kconfig = p("new.config");
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "lockdown.secure_boot", NULL, 0),
			 LD_ST_FAIL);
	assert_int_equal(run(&o, LD_PROFILE_CLOUDFLARE, "memory.devkmem", ev, sizeof(ev)),
			 LD_ST_INFO);
	assert_non_null(strstr(ev, "not applicable"));
}

/* The table itself: one row per id and profile, text everywhere, ~40 checks per profile. */
static void test_table(void **state)
{
	(void)state;

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
				    strcmp(ld_checks[j].id, c->id) == 0)
					fail_msg("two rows for %s in one profile", c->id);
		}
		assert_true(n >= 40);
	}
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
		cmocka_unit_test(test_table),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
