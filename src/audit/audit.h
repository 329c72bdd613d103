/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * lockdown audit: the machine's effective kernel-image protection.
 *
 * Checks are data (checks.c): each has an expectation, a small expression over facts from
 * four kinds of input (kernel config, command line, sysctls, runtime files), combined with
 * any/all. Facts that cannot be had make an expression unknown, never false. Each result
 * carries the evidence that decided it.
 */
#ifndef LD_AUDIT_H
#define LD_AUDIT_H

#include "audit/cmdline.h"
#include "audit/kconfig.h"
#include "kstate.h"

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

/*
 * integrity (the default): the kernel's lockdown at integrity, or this project's sealed
 * enforcer, is enough where it makes a setting moot. kspp: the Kernel Self Protection
 * Project's recommended settings, thresholds as KSPP publishes them. "cloudflare" is the old
 * name of integrity, still accepted.
 */
enum ld_profile {
	LD_PROFILE_INTEGRITY,
	LD_PROFILE_KSPP,
	LD_PROFILE_N,
};
const char *ld_profile_name(enum ld_profile p);
int ld_profile_from_name(const char *name, enum ld_profile *p);

enum ld_sev {
	LD_SEV_NONE = 0, /* the check is not part of this profile */
	LD_SEV_INFO,	 /* reported, never a failure */
	LD_SEV_LOW,
	LD_SEV_MEDIUM,
	LD_SEV_HIGH,
};
const char *ld_sev_name(enum ld_sev s);

enum ld_src {
	LD_SRC_KCONFIG = 1 << 0,
	LD_SRC_CMDLINE = 1 << 1,
	LD_SRC_SYSCTL = 1 << 2,
	LD_SRC_RUNTIME = 1 << 3,
};

enum ld_op {
	LD_OP_Y,	    /* kconfig =y */
	LD_OP_SET,	    /* kconfig =y or =m */
	LD_OP_UNSET,	    /* kconfig not set or not mentioned */
	LD_OP_ONEOF,	    /* kconfig/cmdline value is one of the comma list arg */
	LD_OP_HAS,	    /* comma-list value contains arg (CONFIG_LSM, lsm=, runtime lsm) */
	LD_OP_GE,	    /* integer value >= arg (sysctl) */
	LD_OP_EQ,	    /* integer value == arg (sysctl, EFI variable) */
	LD_OP_TRUE,	    /* boolean value true (cmdline bool, sig_enforce) */
	LD_OP_ABSENT,	    /* cmdline parameter not given */
	LD_OP_LEVEL_GE,	    /* lockdown level >= arg (runtime level, cmdline lockdown=) */
	LD_OP_BIT_CLEAR,    /* integer value has bit arg clear (kernel.tainted) */
	LD_OP_ABSENT_OR_EQ, /* runtime EFI variable absent, or == arg */
	LD_OP_NOT_TRUE,	    /* cmdline parameter absent or not a true bool */
	LD_OP_NOT_ONEOF,    /* cmdline parameter absent or its value not in the comma list arg */
	LD_OP_MISSING,	    /* sysctl file or runtime fact absent (the feature is not built) */
};

/*
 * Runtime keys: "lockdown" (securityfs level), "lsm" (securityfs list), "sig_enforce",
 * "efi:SecureBoot", "efi:SetupMode", "efi:MokSBStateRT", "modules" (/proc/modules: "absent"
 * when the kernel has no module support), "enforcer" (LD_OP_HAS: this project's enforcer is
 * loaded, sealed, in enforce mode and denies reason arg to every task). Command-line key
 * "@lsm_order" is the LSM order the kernel will use (lsm=, security=, CONFIG_LSM).
 */
enum ld_expr_kind {
	LD_E_END = 0,
	LD_E_COND,
	LD_E_ANY,
	LD_E_ALL,
	LD_E_FIRST, /* the first term that is known (true or false) decides: runtime before boot */
};

struct ld_expr {
	enum ld_expr_kind kind;
	enum ld_src src;
	const char *key;
	enum ld_op op;
	const char *arg;
	/* Kernel-version window of a kconfig condition (renamed options): [kmin, kmax). */
	unsigned int kmin, kmax;
	const struct ld_expr *sub; /* any/all/first: terminated by LD_E_END */
};

struct ld_check {
	const char *id;
	const char *title;
	const char *area;
	enum ld_sev sev[LD_PROFILE_N]; /* LD_SEV_NONE: not in that profile */
	unsigned int kmin, kmax;       /* kernels the check applies to (0: any) */
	struct ld_expr expect;
	const char *source;
	const char *rationale;
	const char *fix;
	const char *fix_kconfig; /* lines for merge_config.sh, '\n'-separated */
	const char *fix_sysctl;	 /* "key = value" lines */
	const char *fix_cmdline; /* parameters */
	const char *arch;	 /* NULL: every architecture; "x86" or "arm64": that one only */
};

extern const struct ld_check ld_checks[];
extern const size_t ld_checks_count;

enum ld_tri {
	LD_FALSE = 0,
	LD_TRUE = 1,
	LD_UNKNOWN = 2,
	LD_NA = 3,	 /* a version window excludes this kernel: ignored by any/all */
	LD_EXCLUDED = 4, /* offline and the input was not given: ignored by any, taints all */
};

/* One runtime fact: a value, or why it is missing. */
struct ld_fact {
	bool known;
	bool excluded; /* offline and not given */
	char value[512];
	char why[256]; /* when !known: "needs root", "not present", "offline" */
	char path[PATH_MAX];
};

/* Room for a path and a reason in one message. */
#define LD_WHY_MAX (PATH_MAX + 256)

/* Everything the checks look at. Fields left unknown make the checks that need them unknown. */
struct ld_audit_input {
	bool have_kconfig, kconfig_excluded;
	struct ld_kconfig kconfig;
	char kconfig_why[LD_WHY_MAX]; /* why there is no config */
	bool have_cmdline, cmdline_excluded;
	struct ld_cmdline cmdline;
	char cmdline_why[LD_WHY_MAX];
	const char *sysctl_root; /* NULL: no sysctls */
	bool sysctl_excluded;
	char sysctl_why[LD_WHY_MAX];
	unsigned int kver; /* kernel version for version windows, 0 unknown */
	struct ld_fact lockdown, lsm, sig_enforce, secure_boot, setup_mode, moksbstate;
	struct ld_fact modules;		/* "absent", or the number of modules loaded */
	struct ld_fact enforcer;	/* "absent", "loaded" (not sealed), "sealed" */
	struct ld_fact enforcer_denies; /* reasons the sealed enforcer denies to every task */
	/* "reason: file, file; reason: ..." for the reasons the enforcer denies to every task but
	 * for the files of Module= and Kexec= rules */
	struct ld_fact enforcer_objects;
	char arch[16];		 /* "x86", "arm64", other, or "" unknown */
	const char *arch_origin; /* "config header", "config", "uname" */

	/* Where the facts came from, for the report. */
	bool offline;
	char kconfig_path[PATH_MAX];
	const char *kconfig_origin; /* "--kconfig", "search" */
	char running[128];	    /* uname -r, "" offline */
	int version_match;	    /* 1, 0, -1 unknown */
	char cmdline_path[PATH_MAX];
	char sysctl_dir[PATH_MAX];
	char securityfs_dir[PATH_MAX];
	char sysfs_dir[PATH_MAX];
};

/* Where to read the inputs; NULL means the running system's (none with offline). */
struct ld_audit_opts {
	const char *kconfig, *cmdline, *sysctl_root, *securityfs, *sysfs_root;
	bool offline;
};

/*
 * Gather every input. Inputs named explicitly must be there and readable (else -errno and one
 * message printed, the same for every kind of input: the command exits 2); default ones that
 * are missing only leave their facts unknown. A directory given (--sysctl-root,
 * --securityfs, --sysfs-root) must exist; a sysctl tree must have kernel/ and a sysfs tree
 * module/. Paths are never cut short: a path that does not fit is an error. Free with
 * ld_audit_input_free.
 */
int ld_audit_gather(const struct ld_audit_opts *o, struct ld_audit_input *in);

/* Does a config's version header describe this running kernel? release = uname -r,
 * uversion = uname -v (Debian names the upload there: "... Debian 6.1.176-1 ..."). */
bool ld_kconfig_version_matches(const char *cfgver, const char *release, const char *uversion);

enum ld_status {
	LD_ST_PASS,
	LD_ST_FAIL,
	LD_ST_UNKNOWN,
	LD_ST_INFO,
	LD_ST_N,
};
const char *ld_status_name(enum ld_status s);

struct ld_result {
	const struct ld_check *check;
	enum ld_sev sev;
	enum ld_status status;
	char evidence[1024];
	unsigned int inputs; /* enum ld_src bits the expectation reads */
};

/* Does a check's table name CONFIG_<name> (len bytes)? The config reader keeps only those. */
bool ld_audit_kconfig_wanted(const char *name, size_t len);

/* "x86_64"/"x86"/"i686" -> "x86", "aarch64"/"arm64" -> "arm64", others as given. */
const char *ld_audit_arch_name(const char *machine);

/* Evaluate one expression: LD_TRUE/FALSE/UNKNOWN, evidence appended to ev. */
enum ld_tri ld_expr_eval(const struct ld_expr *e, const struct ld_audit_input *in, char *ev,
			 size_t evlen);
/* Evaluate one check under a profile (its severity there must not be LD_SEV_NONE). */
void ld_check_eval(const struct ld_check *c, enum ld_profile p, const struct ld_audit_input *in,
		   struct ld_result *r);
unsigned int ld_expr_inputs(const struct ld_expr *e);

/*
 * Read an integer sysctl "kernel.kptr_restrict" under root. 0 or -errno: -EINVAL for content
 * ld_sysctl_parse() refuses, -ENAMETOOLONG when root/key does not fit a path.
 */
int ld_sysctl_read(const char *root, const char *key, long long *value);

/*
 * A sysctl file's content as the kernel writes integers: optional '-', decimal digits, one
 * trailing newline; a vector ("4\t4\t1\t7") is read as its first value, every value checked.
 * "0x2", " 2", "2 apples" or "" are not numbers. 0, -EINVAL, or -ERANGE beyond long long.
 */
int ld_sysctl_parse(const char *text, long long *value);

void ld_audit_input_free(struct ld_audit_input *in);

#endif
