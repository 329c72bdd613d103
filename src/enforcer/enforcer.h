/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The enforcer in user space: loading, pinning and table swaps (loader.c), sealing
 * (seal.c), access to the pinned maps for the commands that run later (pinned.c), and the
 * pure parts that render what the maps hold (render.c: events, counters, metadata;
 * unit-tested on the host).
 *
 * Pinned layout under LD_PIN_DIR: `link` (keeps the program attached), `prog`, one file per
 * map (see pinned.c), `guard-NAME` for each guard program (loaded with the enforcer), and
 * once sealed `guard-NAME-link` (keeps that guard attached; bpffs refuses dots in names).
 */
#ifndef LD_ENFORCER_H
#define LD_ENFORCER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include <json-c/json.h>

#include "abi.h"
#include "compiled.h"
#include "kdev.h"
#include "lockdown_abi.h"
#include "meta.h"
#include "reasons.h"

#define LD_PIN_DIR   "/sys/fs/bpf/lockdown"
/* apply and remove hold an exclusive flock() on this file while they change the pins. */
#define LD_LOCK_DIR  "/run/lockdown"
#define LD_LOCK_FILE LD_LOCK_DIR "/lock"

/* ---- loader.c -------------------------------------------------------------------------- */

struct ld_apply_opts {
	const char *btf; /* NULL: the running kernel's BTF (CO-RE relocation) */
	bool seal;	 /* seal the policy once it is in force (seal.c) */
};

struct ld_apply_result {
	bool first_load;	 /* the program was loaded and attached by this call */
	unsigned int gen;	 /* generation now in force: 0 at the first load, +1 per apply */
	enum ld_variant variant; /* program variant in the kernel */
	bool charged_other_user; /* 5.10: map memory charged to LD_CHARGE_UID (see loader.c) */
	bool sealed;		 /* sealed by this call */
	bool in_force_unsealed;	 /* error after the policy went in force: it is, unsealed */
	unsigned int ntrusted;	 /* exempt executables and the files they may map (sealed) */
	unsigned int nguards;	 /* guard programs attached (sealed) */
};

/*
 * Put c in force. First load: load the program and the guards, write c into generation 0,
 * attach, pin. Otherwise write c into the inactive generation of the pinned maps and flip
 * `active`. With opts->seal, then seal it (see seal.c). Returns 0; or -errno with a one-line
 * explanation in why, and then the previous policy (or nothing, on a first load) is in force
 * and nothing new is pinned, except when res->in_force_unsealed says the policy went in
 * force and only the seal failed. -EBUSY: already sealed. -EPROTO: pins of another ABI.
 */
int ld_enforcer_apply(const struct ld_compiled *c, const struct ld_apply_opts *opts,
		      struct ld_apply_result *res, char *why, size_t whylen);

/* Unpin everything: the program detaches. 0, -ENOENT (not loaded), -EBUSY (sealed), -errno.
 * Works on pins of another ABI too. */
int ld_enforcer_remove(char *why, size_t whylen);

/* ---- seal.c ----------------------------------------------------------------------------- */

struct ld_pinned;

/*
 * What a seal needs before anything changes: the guards are loaded, no other program uses
 * the maps, and the snapshot of the files exempt executables may map as code (kept in plan
 * for ld_seal_commit(); release with ld_seal_plan_free()). 0, or -errno with why.
 */
struct ld_seal_plan {
	struct ld_file_key *trusted; /* sorted, unique */
	size_t ntrusted;
	__u64 prot_dev[LD_SEAL_FS];
	bool prot_any;
};
int ld_seal_prepare(const struct ld_compiled *c, const struct ld_pinned *p,
		    struct ld_seal_plan *plan, char *why, size_t whylen);
void ld_seal_plan_free(struct ld_seal_plan *plan);
/* Seal what p holds: fill `seal` and `trusted`, attach and pin the guards, arm, freeze. On
 * failure nothing of the seal stays. */
int ld_seal_commit(const struct ld_pinned *p, const struct ld_seal_plan *plan,
		   struct ld_apply_result *res, char *why, size_t whylen);
/* Pin names of the guards: LD_GUARD_PREFIX + the program name without "ld_guard_". */
#define LD_GUARD_PREFIX "guard-"
/* ... and of their links once attached (bpffs refuses names with a dot). */
#define LD_GUARD_LINK	"-link"
/* Pin names of the object programs (attached from the first load on): LD_OBJ_PREFIX + the
 * program name without "ld_obj_", and their links with LD_GUARD_LINK after it. */
#define LD_OBJ_PREFIX	"obj-"

/* ---- pinned.c -------------------------------------------------------------------------- */

struct ld_pinned {
	int abi, active, policy, meta, seal, exes, cgroups, uids, objects, trusted, revoked,
		sealstate, loading, counters, rate, events;
};

struct bpf_object;

enum ld_pin_access {
	LD_PIN_READ,  /* read-only handles (the ring buffer excepted) */
	LD_PIN_WRITE, /* read-write: apply, seal */
};

/*
 * Open the pinned maps after checking them against this binary's ABI. 0, -ENOENT when
 * nothing is loaded, -EPROTO for pins of another ABI (why says what to do), -errno otherwise.
 */
int ld_pinned_open(struct ld_pinned *p, enum ld_pin_access acc, char *why, size_t whylen);
void ld_pinned_close(struct ld_pinned *p);
/* The maps in pin order: count, fd and name of map i. */
size_t ld_pinned_count(void);
int ld_pinned_fd(const struct ld_pinned *p, size_t i);
const char *ld_pinned_name(size_t i);
/* The maps of a loaded object (fds owned by the object). 0 or -ENOENT. */
int ld_pinned_from_object(struct bpf_object *obj, struct ld_pinned *p);
/* Pin every map under LD_PIN_DIR. 0, or -errno with the failing path in path. */
int ld_pinned_pin(const struct ld_pinned *p, char *path, size_t len);
int ld_pinned_active(const struct ld_pinned *p, struct ld_active *a);
int ld_pinned_seal(const struct ld_pinned *p, struct ld_seal *s);
/* The metadata of table set `set` (0 or 1); m->gen says which generation it describes. */
int ld_pinned_meta(const struct ld_pinned *p, unsigned int set, struct ld_meta *m);
/* The policy row of table set `set` (0 or 1): 0 or -errno. */
int ld_pinned_policy(const struct ld_pinned *p, unsigned int set, struct ld_policy *pol);
/* Counters of every slot (reasons, then tamper kinds), summed over the possible CPUs. */
int ld_pinned_counters(const struct ld_pinned *p, struct ld_counters out[LD_SLOTS]);

/* The enforcer section of `lockdown status` (called from cmd_status.c). */
void ld_enforcer_status_gather(struct json_object *st, struct json_object *errors);
void ld_enforcer_status_render(struct json_object *st);

/* ---- render.c (pure) ------------------------------------------------------------------- */

/* Sum ncpus per-CPU copies of one reason's counters. */
void ld_counters_sum(const struct ld_counters *percpu, unsigned int ncpus, struct ld_counters *out);
/* Totals over all reasons. */
/* Totals over the reasons (slots below LD_REASONS). */
void ld_counters_total(const struct ld_counters in[LD_SLOTS], struct ld_counters *out);

/* Add the counters to o: allowed, audited, denied, events, ratelimited, dropped. */
void ld_counters_json_add(struct json_object *o, const struct ld_counters *c);

/* The metadata the loader stores for generation gen of a policy; now_ns is CLOCK_REALTIME. */
void ld_meta_from_compiled(const struct ld_compiled *c, unsigned int gen, __u64 now_ns,
			   struct ld_meta *m);
/* The rule's name escaped into buf, or NULL when the metadata does not know it. */
const char *ld_meta_rule_name(const struct ld_meta *m, unsigned int rule, char *buf, size_t len);

/* The metadata of the event's generation among metas (either may be NULL), or NULL. */
const struct ld_meta *ld_event_meta(const struct ld_event *e, const struct ld_meta *const *metas);

/* What rendering an event needs besides the record. */
struct ld_event_ctx {
	const struct ld_reasons *rs;	     /* may be NULL: reasons print as numbers */
	const struct ld_meta *meta[LD_GENS]; /* of table sets 0 and 1; may be NULL */
	__s64 mono_to_real_ns;		     /* CLOCK_REALTIME - CLOCK_MONOTONIC */
	const char *exe_path;		     /* resolved path, or NULL: render dev:ino */
};

/* "deny", "audit" or "would-deny": the verb of the text line. */
const char *ld_event_verb(const struct ld_event *e);
/* The kernel-like text line (no newline). Returns the length snprintf would need. */
int ld_event_text(const struct ld_event *e, const struct ld_event_ctx *ctx, char *buf, size_t len);
/* The same fields and more as a JSON object. */
struct json_object *ld_event_json(const struct ld_event *e, const struct ld_event_ctx *ctx);
/* ---- reader.c ----------------------------------------------------------------------- */

/* One event and what rendering it needs; a negative return ends the reading with it. */
typedef int (*ld_event_fn)(const struct ld_event *e, const struct ld_event_ctx *ctx, void *arg);

struct ld_read_opts {
	bool follow;		  /* wait for more (else what is buffered, and return) */
	long for_ms;		  /* with follow: stop after this long (0: no limit) */
	volatile const int *stop; /* with follow: stop when it becomes nonzero */
};

/*
 * Read the pinned event buffer, calling fn for each record. 0 at the end (buffer drained, stop,
 * time up), -ENOENT when the enforcer was removed while following (what was buffered is
 * read first), or fn's or the reading's -errno.
 */
int ld_events_read(const struct ld_pinned *p, const struct ld_reasons *rs,
		   const struct ld_read_opts *o, ld_event_fn fn, void *arg);

/* ---- stale.c ------------------------------------------------------------------------ */

/* A file of the policy compiled now that the pinned tables do not hold (see below). */
struct ld_stale {
	const char *key;  /* "Executable", "Module" or "Kexec" */
	const char *path; /* in the compiled policy */
	unsigned int rule;
	__u64 dev, ino; /* its identity now */
};

/*
 * Compile the source of the policy in force again (into *now; release with
 * ld_compiled_free) and list the files whose identity the pinned tables do not hold: an
 * exempt executable replaced since the apply (a new inode), a Module= or Kexec= file replaced,
 * or new (a glob that matches a module built since: a DKMS rebuild). 0, or -errno with why
 * (the source is gone or no longer compiles). *stale points into now; free() it.
 */
int ld_stale_exemptions(const struct ld_pinned *p, struct ld_compiled *now, struct ld_stale **stale,
			size_t *nstale, char *why, size_t whylen);

/* ---- journal.c ---------------------------------------------------------------------- */

/* Whether this build can write to the systemd journal (it links libsystemd). */
bool ld_journal_available(void);
/* One event to the journal: MESSAGE is its text line, LOCKDOWN_* its fields. 0 or -errno. */
int ld_journal_event(const struct ld_event *e, const struct ld_event_ctx *ctx);

/* What `lockdown stats` reports, read once from the pinned maps and the kernel. */
struct ld_snapshot {
	bool loaded;
	struct ld_counters per[LD_SLOTS];
	struct ld_active active;
	struct ld_meta meta; /* of the generation in force, when have_meta */
	bool have_meta;
	const struct ld_reasons *rs; /* may be NULL: reasons by number */
	int kernel_level;	     /* enum ld_level, when have_level */
	bool have_level;
};

/* The snapshot in the Prometheus text exposition format (version 0.0.4). */
void ld_prom_write(FILE *f, const struct ld_snapshot *s);

/* ISO 8601 UTC with nanoseconds for a CLOCK_REALTIME value. */
void ld_format_time(__u64 real_ns, char *buf, size_t len);

#endif
