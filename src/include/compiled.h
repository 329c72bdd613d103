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

/*
 * An object rule: a file the kernel reads for module_signature (Module=) or kexec (Kexec=),
 * for the tasks of one narrowing subject (an executable, a cgroup, a uid) or any task.
 */
struct ld_obj_rule {
	__u8 kind; /* enum ld_object_kind */
	__u8 subj; /* enum ld_obj_subject */
	__u64 dev; /* the file: kernel encoding, inode */
	__u64 ino;
	__u64 sa; /* the subject: executable (dev, ino), cgroup id, uid; 0 for any task */
	__u64 sb;
	__u32 rule;
	unsigned int line; /* the Module= or Kexec= line */
	char path[256];	   /* the file as the glob matched it */
};

/* The `objects` map key of rule o in table set `set`: the loader writes it, refresh looks it up. */
static inline struct ld_obj_key ld_obj_rule_key(__u32 set, const struct ld_obj_rule *o)
{
	return (struct ld_obj_key){ .gen = set,
				    .kind = o->kind,
				    .subj = o->subj,
				    .dev = o->dev,
				    .ino = o->ino,
				    .sa = o->sa,
				    .sb = o->sb };
}

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
	struct ld_obj_rule *objects; /* sorted by (kind, dev, ino, subj, sa, sb) */
	size_t nobjects;
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

/*
 * The rule of object (kind, odev, oino) for a task, the way the BPF program finds it: narrowed
 * by its executable (exe_dev/exe_ino, 0/0: none), cgroup, uid, then for any task. Sets
 * out->obj (LD_RULE_NONE when kind is LD_OBJ_NONE or nothing matches) and returns the rule
 * found, NULL if none.
 */
const struct ld_obj_rule *ld_compiled_match_object(const struct ld_compiled *c, unsigned int kind,
						   __u64 odev, __u64 oino, __u64 exe_dev,
						   __u64 exe_ino, __u64 cgroup_id, __u32 uid,
						   struct ld_subject_rules *out);

/* The object kind whose file decides reason name ("module_signature", "kexec"), or LD_OBJ_NONE. */
unsigned int ld_object_kind_of(const char *reason);
/* "module" or "kexec image"; the policy key: "Module" or "Kexec". */
const char *ld_object_noun(unsigned int kind);
const char *ld_object_key(unsigned int kind);

/* The digest as 64 lower-case hex digits and a NUL. */
void ld_compiled_digest_hex(const struct ld_compiled *c, char out[65]);

#endif
