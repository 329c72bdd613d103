/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Learning and replaying policies from recorded events: the JSON lines `lockdown events -j`
 * prints (or the same records read live).
 *
 * learn: the tightest policy that still allows what was used: a default that denies a base
 * group (all, integrity or confidentiality), and one section per executable (or per cgroup)
 * that used a reason of that group, allowing just those reasons, each line saying how often
 * and when it was seen. Modules and kexec images loaded from files become Module= and Kexec=
 * lines instead, allowing those files to any task rather than the loader every file. Events that cannot become a rule (a kernel thread, an executable that
 * no longer exists) are reported, never turned into rules silently.
 *
 * replay: what a candidate policy would have decided for each recorded call, through
 * ld_decide() as the kernel does, against what the policy in force then did.
 */
#ifndef LD_LEARN_H
#define LD_LEARN_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <json-c/json.h>

#include "compiled.h"
#include "reasons.h"

/* One recorded call, as learn and replay need it. */
struct ld_rec {
	char reason[48];    /* canonical reason name */
	char outcome[16];   /* allowed, audited, denied (what the policy in force did) */
	char exe[PATH_MAX]; /* path, "" when only the name is known */
	char exe_name[256]; /* the file name the kernel recorded, escaped */
	__u64 exe_dev, exe_ino;
	bool has_exe;
	bool kthread;
	bool host;
	__u64 cgroup;
	__u32 uid;
	__u32 pid;
	char comm[64];
	char time[64]; /* ISO 8601 */
	/* The module or kexec image file the kernel read for the call (events' "object"). */
	bool has_obj;
	__u64 obj_dev, obj_ino;
	char obj_name[256]; /* escaped, as the event has it */
};

/* Read one event object (a line of `lockdown events -j`). 1: a call; 0: not one to use
 * (a tamper record); -1: malformed (why set). */
int ld_rec_from_json(struct json_object *o, struct ld_rec *r, char *why, size_t whylen);

/* Read every line of f (a file of `lockdown events -j` lines, or "-"). Calls fn per record;
 * a malformed line is an error naming name:line. 0 or -EINVAL. */
int ld_recs_read(FILE *f, const char *name, int (*fn)(const struct ld_rec *r, void *arg), void *arg,
		 char *why, size_t whylen);

enum ld_learn_by {
	LD_LEARN_BY_EXE,
	LD_LEARN_BY_CGROUP,
};

struct ld_learn_opts {
	const char *base; /* "all", "integrity" or "confidentiality" */
	enum ld_learn_by by;
	const char *source;	 /* for the header comment: the file, or "live" */
	const char *cgroup_root; /* NULL: the running system's cgroup2 mount */
};

struct ld_learner;

struct ld_learner *ld_learner_new(const struct ld_reasons *rs, const struct ld_learn_opts *o);
void ld_learner_free(struct ld_learner *l);
int ld_learner_add(struct ld_learner *l, const struct ld_rec *r);
/* Reasons the counters saw used but no event reported (rate-limited or dropped). */
void ld_learner_note_unreported(struct ld_learner *l, const char *reason, unsigned long long n);
/*
 * Write the policy to out and what could not become a rule to report (one line each).
 * Executables known only by name are looked for by identity in the usual directories.
 * Returns the number of sections written, or -errno.
 */
int ld_learner_write(struct ld_learner *l, FILE *out, FILE *report);

/* ---- replay ------------------------------------------------------------------------------ */

struct ld_replay;

struct ld_replay *ld_replay_new(const struct ld_compiled *c, const struct ld_reasons *rs);
void ld_replay_free(struct ld_replay *rp);
int ld_replay_add(struct ld_replay *rp, const struct ld_rec *r);
/* The report: text, or one JSON object. Returns the number of calls newly denied. */
unsigned long ld_replay_report(struct ld_replay *rp, FILE *out, bool json);

#endif
