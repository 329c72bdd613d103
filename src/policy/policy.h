/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The policy language (docs/policy.md) and its compiler.
 *
 * A policy file is INI: a [Policy] section (mode, default actions per reason or group,
 * rate limit) and subject sections (Executable=, Cgroup=, User=, Host=yes) with their own
 * actions on top of the default ones. The compiler reads the whole file into an
 * intermediate form, then resolves it against the running kernel's reasons (struct
 * ld_reasons, from BTF) into a struct ld_compiled. Any error compiles nothing.
 */
#ifndef LD_POLICY_H
#define LD_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "abi.h"
#include "compiled.h"
#include "reasons.h"

/* ---- diagnostics ------------------------------------------------------------------------ */

enum ld_severity {
	LD_DIAG_WARNING = 1,
	LD_DIAG_ERROR = 2,
};

struct ld_diag_msg {
	enum ld_severity severity;
	unsigned int line; /* 0: not tied to a line */
	char file[256];
	char text[320];
};

/* Messages of one compilation, in the order found. Zero-initialise; release with ld_diag_free. */
struct ld_diag {
	struct ld_diag_msg *msgs;
	size_t count;
	unsigned int errors;
	unsigned int warnings;
};

void ld_diag_free(struct ld_diag *d);
/* "file:line: error: text" (or "file: warning: text" without a line), one per line. */
void ld_diag_format(const struct ld_diag_msg *m, char *buf, size_t len);
void ld_diag_print(const struct ld_diag *d, FILE *f);
/* The messages of one severity as a JSON array of {"file", "line", "message"}. */
struct json_object *ld_diag_json(const struct ld_diag *d, enum ld_severity sev);
/*
 * Under -j, when nothing was printed on stdout yet: {"error": the first error as text,
 * "errors": [...], "warnings": [...]}, so a command that fails to compile a policy says why
 * in JSON too. Nothing otherwise.
 */
void ld_diag_fail_json(const struct ld_diag *d);

/* ---- compiling ------------------------------------------------------------------------- */

struct ld_policy_opts {
	bool force_audit;	 /* `apply --audit`: mode audit whatever the policy says */
	const char *cgroup_root; /* NULL: the cgroup v2 mount found in /proc/self/mountinfo */
	const char *passwd;	 /* NULL: /etc/passwd (then NSS) for User= names */
};

#define LD_DEFAULT_RATE_LIMIT 100

/* The longest line of a policy, in bytes, not counting its line end ("\n" or "\r\n"). */
#define LD_POLICY_MAX_LINE 4096

/*
 * Compile the policy file at path against the reasons rs. opts may be NULL.
 * Returns 0 with *out filled (release with ld_compiled_free), -EINVAL when the policy is
 * invalid (diag holds the errors: exit 1), or another -errno when the file cannot be read
 * (diag holds one error: exit 2). On failure *out is zeroed: nothing is half-compiled.
 * Warnings are in diag in every case.
 */
int ld_policy_compile_file(const char *path, const struct ld_reasons *rs,
			   const struct ld_policy_opts *opts, struct ld_compiled *out,
			   struct ld_diag *diag);

/* The same for a built-in preset (policies/NAME.conf, embedded at build time); -ENOENT and
 * an error listing the valid names when there is no such preset. */
int ld_policy_compile_profile(const char *name, const struct ld_reasons *rs,
			      const struct ld_policy_opts *opts, struct ld_compiled *out,
			      struct ld_diag *diag);

/* The same for text in memory; file is the name used in messages. */
int ld_policy_compile_buffer(const char *file, const char *text, size_t len,
			     const struct ld_reasons *rs, const struct ld_policy_opts *opts,
			     struct ld_compiled *out, struct ld_diag *diag);

/*
 * For commands: compile the policy file path or the preset profile (exactly one of them
 * non-NULL). Same returns as above; ld_policy_exit_code() maps them to exit codes: 0, 1 for
 * an invalid policy (LD_EXIT_FAIL), 2 for usage or system errors (LD_EXIT_ERR: unreadable
 * file, unknown profile, both or neither given). Print diag with ld_diag_print().
 */
int ld_policy_load(const char *path, const char *profile, const struct ld_reasons *rs,
		   const struct ld_policy_opts *opts, struct ld_compiled *out,
		   struct ld_diag *diag);
int ld_policy_exit_code(int ret);

/*
 * The policy a command is given: its POLICY operand path (NULL: none) or --profile NAME,
 * exactly one of the two, and the reasons of the kernel whose BTF is btf (NULL: the running
 * kernel) into *rs. On a usage or BTF error prints one line naming cmd and returns
 * LD_EXIT_ERR; returns 0 otherwise.
 */
int ld_policy_source(const char *cmd, const char *path, const char *profile, const char *btf,
		     struct ld_reasons *rs);

/*
 * The same for apply, check, explain and replay, whose command lines name their policy alike
 * (POLICY or --profile NAME, --btf FILE, --audit): ld_policy_args_reasons() is
 * ld_policy_source() for a; ld_policy_args_compile() is ld_policy_load() of what a names,
 * its messages printed on stderr and kept in diag; with diag NULL they are not kept, and a
 * failure is also printed as JSON under -j (ld_diag_fail_json()).
 */
struct ld_args;
int ld_policy_args_reasons(const struct ld_args *a, struct ld_reasons *rs);
int ld_policy_args_compile(const struct ld_args *a, const struct ld_reasons *rs,
			   struct ld_compiled *out, struct ld_diag *diag);

/* (Re)compute c->pol.digest from c (done by the compiler; for the loader after edits). */
int ld_compiled_compute_digest(struct ld_compiled *c, const struct ld_reasons *rs);

/* ---- sealing (seal_risk.c) ------------------------------------------------------------- */

/*
 * The reasons a sealed c would still allow (or only audit) to a subject root can become: the
 * default and host rules, uid and cgroup rules (executable rules are root-proof once sealed);
 * any integrity-class reason there lets root change the running kernel and undo the seal.
 * Writes "[rule] reason, reason; [rule] ..." into buf; returns how many (rule, reason) pairs.
 * *hibernation: one of them is hibernation (the image on disk can be rewritten by root).
 */
unsigned int ld_seal_risks(const struct ld_compiled *c, const struct ld_reasons *rs, char *buf,
			   size_t len, bool *hibernation);

/* ---- presets --------------------------------------------------------------------------- */

struct ld_preset {
	const char *name; /* "desktop" */
	const char *text; /* the file policies/desktop.conf */
	size_t len;
};
extern const struct ld_preset ld_presets[];
extern const unsigned int ld_preset_count;

const struct ld_preset *ld_preset_lookup(const char *name);
/* "allow, baseline, ..." for messages and --help. */
const char *ld_preset_names(void);

/* ---- subjects (shared with `lockdown explain`) ------------------------------------------ */

/* stat() path (following links) into the kernel's (dev, ino) of the file. 0 or -errno, err set. */
int ld_exe_identity(const char *path, __u64 *dev, __u64 *ino, char *err, size_t errlen);

/*
 * The cgroup v2 id of path: absolute under the cgroup2 mount (/sys/fs/cgroup/x), or a cgroup
 * path as /proc/PID/cgroup shows it (/x or x), taken relative to the mount. root NULL: the
 * mount of the running system. Fills full (may be NULL) with the directory used.
 */
int ld_cgroup_identity(const char *path, const char *root, __u64 *id, char *full, size_t fulllen,
		       char *err, size_t errlen);

/* A uid from digits or a user name (passwd file, then NSS). */
int ld_uid_identity(const char *name, const char *passwd, __u32 *uid, char *err, size_t errlen);

#endif
