/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The enforcer in user space: loading, pinning and table swaps (loader.c), access to the
 * pinned maps for the commands that run later (pinned.c), and the pure parts that render
 * what the maps hold (render.c: events, counters, metadata; unit-tested on the host).
 *
 * Pinned layout under LD_PIN_DIR: `link` (keeps the program attached), `prog`, and one file
 * per map (active, policy, exes, cgroups, uids, counters, rate, events, meta).
 */
#ifndef LD_ENFORCER_H
#define LD_ENFORCER_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <json-c/json.h>

#include "compiled.h"
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
};

struct ld_apply_result {
	bool first_load;	 /* the program was loaded and attached by this call */
	unsigned int gen;	 /* generation now in force: 0 at the first load, +1 per apply */
	enum ld_variant variant; /* program variant in the kernel */
	bool charged_other_user; /* 5.10: map memory charged to LD_CHARGE_UID (see loader.c) */
};

/*
 * Put c in force. First load: load the program, write c into generation 0, attach, pin.
 * Otherwise write c into the inactive generation of the pinned maps and flip `active`.
 * Returns 0; or -errno with a one-line explanation in why, and then the previous policy (or
 * nothing, on a first load) is in force and nothing new is pinned. -EBUSY: sealed.
 */
int ld_enforcer_apply(const struct ld_compiled *c, const struct ld_apply_opts *opts,
		      struct ld_apply_result *res, char *why, size_t whylen);

/* Unpin everything: the program detaches. 0, -ENOENT (not loaded), -EBUSY (sealed), -errno. */
int ld_enforcer_remove(char *why, size_t whylen);

/* ---- pinned.c -------------------------------------------------------------------------- */

struct ld_pinned {
	int active, policy, exes, cgroups, uids, counters, rate, events, meta;
};

struct bpf_object;

/* Open the pinned maps. 0, -ENOENT when nothing is loaded, -errno otherwise (why set). */
int ld_pinned_open(struct ld_pinned *p, char *why, size_t whylen);
void ld_pinned_close(struct ld_pinned *p);
/* The maps of a loaded object (fds owned by the object). 0 or -ENOENT. */
int ld_pinned_from_object(struct bpf_object *obj, struct ld_pinned *p);
/* Pin every map under LD_PIN_DIR. 0, or -errno with the failing path in path. */
int ld_pinned_pin(const struct ld_pinned *p, char *path, size_t len);
/* Unlink every map's pin (missing ones are fine). */
void ld_pinned_unpin(void);
int ld_pinned_active(const struct ld_pinned *p, struct ld_active *a);
/* The metadata of table set `set` (0 or 1); m->gen says which generation it describes. */
int ld_pinned_meta(const struct ld_pinned *p, unsigned int set, struct ld_meta *m);
/* Counters of every reason, summed over the possible CPUs. */
int ld_pinned_counters(const struct ld_pinned *p, struct ld_counters out[LD_REASONS]);

/* The enforcer section of `lockdown status` (called from cmd_status.c). */
void ld_enforcer_status_gather(struct json_object *st, struct json_object *errors);
void ld_enforcer_status_render(struct json_object *st);

/* ---- render.c (pure) ------------------------------------------------------------------- */

/* Sum ncpus per-CPU copies of one reason's counters. */
void ld_counters_sum(const struct ld_counters *percpu, unsigned int ncpus, struct ld_counters *out);
/* Totals over all reasons. */
void ld_counters_total(const struct ld_counters in[LD_REASONS], struct ld_counters *out);

/* Add the counters to o: allowed, audited, denied, events, ratelimited, dropped. */
void ld_counters_json_add(struct json_object *o, const struct ld_counters *c);

/* The metadata the loader stores for generation gen of a policy; now_ns is CLOCK_REALTIME. */
void ld_meta_from_compiled(const struct ld_compiled *c, unsigned int gen, __u64 now_ns,
			   struct ld_meta *m);
/* The rule's name, or NULL when the metadata does not know it. */
const char *ld_meta_rule_name(const struct ld_meta *m, unsigned int rule);
/* The metadata of the event's generation among metas (either may be NULL), or NULL. */
const struct ld_meta *ld_event_meta(const struct ld_event *e, const struct ld_meta *const *metas);
/* "btf" or "probe-read (5.10)": the program variant, as status and apply name it. */
const char *ld_variant_name(unsigned int variant);

/* glibc's st_dev to the kernel's encoding (major << 20 | minor) and back. */
__u64 ld_dev_to_kernel(dev_t dev);
unsigned int ld_kdev_major(__u64 kdev);
unsigned int ld_kdev_minor(__u64 kdev);

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
/* ISO 8601 UTC with nanoseconds for a CLOCK_REALTIME value. */
void ld_format_time(__u64 real_ns, char *buf, size_t len);

#endif
