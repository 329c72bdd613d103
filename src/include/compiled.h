/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A compiled policy: what the policy compiler (src/policy/) produces and the loader writes
 * into the BPF maps (and what `lockdown explain` feeds to ld_decide()). Independent of table
 * generations: the loader adds the generation to each key when it writes.
 *
 * Produced by ld_policy_compile_file()/ld_policy_compile_profile() (src/policy/policy.h);
 * release with ld_compiled_free(). Subjects are sorted by key and unique across the policy,
 * so the loader can write them as they are.
 */
#ifndef LD_COMPILED_H
#define LD_COMPILED_H

#include <stdbool.h>
#include <stddef.h>

#include "decide.h"
#include "lockdown_abi.h"

#define LD_RULE_NAME_LEN 48

struct ld_exe_rule {
	__u64 dev; /* kernel encoding: major << 20 | minor (not glibc's st_dev) */
	__u64 ino;
	__u32 rule;
	char path[256]; /* as written in the policy, for messages */
};

struct ld_cgroup_rule {
	__u64 id;
	__u32 rule;
	char path[256];
};

struct ld_uid_rule {
	__u32 uid;
	__u32 rule;
};

/* A Libraries= path: a file, or a directory whose files exempt executables may map as code. */
struct ld_lib_path {
	char path[256];
	unsigned int line;
};

struct ld_compiled {
	struct ld_policy pol;			     /* mode, rows, host rule, rate limit, digest */
	char rule_names[LD_RULES][LD_RULE_NAME_LEN]; /* rule 0 is "default" */
	unsigned int rule_lines[LD_RULES]; /* line of each rule's section header; 0: none */
	struct ld_exe_rule *exes;	   /* sorted by (dev, ino) */
	size_t nexes;
	struct ld_cgroup_rule *cgroups; /* sorted by id */
	size_t ncgroups;
	struct ld_uid_rule *uids; /* sorted by uid */
	size_t nuids;
	struct ld_lib_path *libs; /* Libraries= of the executable sections, in file order */
	size_t nlibs;
	bool seal;		/* Seal=yes: apply seals the policy until reboot */
	unsigned int seal_line; /* its line, for messages; 0: not given */
	char source[256];	/* the policy file, or "profile:NAME" */
};

void ld_compiled_free(struct ld_compiled *c);

/* Sorts the subject tables by key, the order ld_compiled_match() and the loader expect. */
void ld_compiled_sort(struct ld_compiled *c);

/*
 * The rule indexes a subject finds in c, the way the BPF program's map lookups find them:
 * fills out for ld_decide(). dev/ino 0/0 means no executable (kernel thread), cgroup_id 0 no
 * cgroup, uid (__u32)-1 no uid.
 */
void ld_compiled_match(const struct ld_compiled *c, __u64 dev, __u64 ino, __u64 cgroup_id,
		       __u32 uid, bool host, struct ld_subject_rules *out);

/* The digest as 64 lower-case hex digits and a NUL. */
void ld_compiled_digest_hex(const struct ld_compiled *c, char out[65]);

#endif
