/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A compiled policy: what the policy compiler produces and the loader writes into the BPF
 * maps (and what `lockdown explain` feeds to ld_decide()). Independent of table generations:
 * the loader adds the generation to each key when it writes.
 */
#ifndef LD_COMPILED_H
#define LD_COMPILED_H

#include <stddef.h>

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

struct ld_compiled {
	struct ld_policy pol; /* mode, rows, host rule, rate limit, digest */
	char rule_names[LD_RULES][LD_RULE_NAME_LEN]; /* rule 0 is "default" */
	struct ld_exe_rule *exes;
	size_t nexes;
	struct ld_cgroup_rule *cgroups;
	size_t ncgroups;
	struct ld_uid_rule *uids;
	size_t nuids;
	char source[256]; /* the policy file, or "profile:NAME" */
};

void ld_compiled_free(struct ld_compiled *c);

#endif
