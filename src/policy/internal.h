/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Inside the policy compiler: the intermediate form the parser (parse.c) fills and the
 * builder (build.c) turns into a compiled policy. Not for other parts of the program.
 */
#ifndef LD_POLICY_INTERNAL_H
#define LD_POLICY_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "policy.h"

#define MAX_LINE (LD_POLICY_MAX_LINE + 1)
#define MAX_KEY	 64  /* longer keys are reported, never handed to inih */
#define MAX_DIAG 100 /* messages kept; the rest are only counted */

struct op {
	__u8 action;
	__u64 reasons; /* bit n: reason number n of the running kernel (LD_REASONS == 64) */
};

struct section {
	char name[LD_RULE_NAME_LEN];
	unsigned int line;
	bool is_policy;
	bool has_subject;
	bool subject_error;		     /* a subject key was in error (reported there) */
	bool optional_absent;		     /* an Executable=-PATH was absent (warned there) */
	unsigned int host_line;		     /* nonzero: Host=yes, at this line */
	unsigned int exe_line;		     /* nonzero: the first Executable= line */
	unsigned int libs_line;		     /* nonzero: the first Libraries= line */
	unsigned int obj_line[LD_OBJ_KINDS]; /* nonzero: the first Module= / Kexec= line */
	struct op *ops;
	size_t nops;
};

/* The kinds of subject a section can name, one row each in parse.c's subject_kinds[]. */
enum subj_kind { SUBJ_EXE, SUBJ_CGROUP, SUBJ_UID, SUBJ_KINDS };

/* One subject as written, with its identity: what the kernel side will look up. */
struct subj {
	__u64 id;  /* executable: the device (kdev.h); cgroup: its id; user: the uid */
	__u64 ino; /* executable: the inode; 0 otherwise */
	int sec;
	unsigned int line;
	char path[256]; /* as written: a path, or a user's name or number */
};

struct subj_list {
	struct subj *v;
	size_t n;
	bool overflow; /* the kind's limit was reported */
};

/* A file a Module= or Kexec= line names (one per file its glob matched). */
struct objfile {
	__u8 kind; /* enum ld_object_kind */
	__u64 dev, ino;
	int sec;
	unsigned int line;
	char path[256];
};

/* An object section: one naming Module= or Kexec=. Its subject keys narrow it to some tasks
 * (they are no subjects of their own), its actions decide only its objects' reasons. */
static inline bool ld_sec_has_objects(const struct section *s)
{
	return s->obj_line[LD_OBJ_MODULE] || s->obj_line[LD_OBJ_KEXEC];
}

/* Paths are copied whole into the compiled rules, or refused (see add_exe()). */
_Static_assert(sizeof(((struct subj *)0)->path) == sizeof(((struct ld_exe_rule *)0)->path),
	       "an executable's path fits its compiled rule");
_Static_assert(sizeof(((struct subj *)0)->path) == sizeof(((struct ld_cgroup_rule *)0)->path),
	       "a cgroup's path fits its compiled rule");
_Static_assert(sizeof(((struct objfile *)0)->path) == sizeof(((struct ld_obj_rule *)0)->path),
	       "an object's path fits its compiled rule");

enum { CUR_NONE = -1, CUR_SKIP = -2 };

struct ctx {
	const char *file;
	const char *text;
	size_t len, pos;
	unsigned int line;
	char buf[MAX_LINE];    /* the line being read */
	char key[MAX_KEY + 1]; /* its key, for the handler */
	const char *value;     /* its value (in buf), for the handler */
	bool tiny_reported;
	const struct ld_reasons *rs;
	const struct ld_policy_opts *opts;
	struct ld_diag *diag;
	bool oom;

	struct section secs[LD_RULES]; /* [Policy] and up to LD_RULES - 1 subject sections */
	int nsecs;
	int nsubject_secs;
	int cur;    /* index into secs, or CUR_* */
	int policy; /* index of [Policy], or -1 */
	unsigned int mode_line, rate_line, seal_line;
	__u32 mode, rate_limit;
	bool seal;
	bool rules_overflow;
	int host_sec;

	struct subj_list subj[SUBJ_KINDS];
	struct ld_lib_path *libs;
	size_t nlibs;
	struct objfile *objfiles;
	size_t nobjfiles;
	bool objfiles_overflow;
	int kmod_version; /* of the kmod that loads modules here: 0 not asked yet, -1 unknown */
	/* After parsing: the object rules, with the section index for a rule (build.c maps it). */
	struct ld_obj_rule *objects;
	size_t nobjects;
};

/* Add a message to d (at most a hundred are kept; all are counted). */
void ld_diag_add(struct ld_diag *d, enum ld_severity sev, const char *file, unsigned int line,
		 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/*
 * Pass 1: read c->text (c->file, c->rs, c->opts, c->diag set; the rest zeroed) into c's
 * intermediate form; every problem goes to c->diag. Then the checks that need the whole
 * file (sections without subjects, an empty file).
 */
void ld_policy_parse(struct ctx *c);
/* Free what ld_policy_parse() allocated. */
void ld_policy_ctx_free(struct ctx *c);

#endif
