// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel side of lockdown: one BPF LSM program on `locked_down`, and two small ones that
 * tell it which file an operation loads (Module=, Kexec=).
 *
 * For each call it gathers the subject (task, executable, cgroup, uid, namespaces), looks up
 * the compiled tables of the generation in force (O(1): one lookup per subject kind), lets
 * ld_decide() pick the action, counts the outcome per CPU, reports audited and denied calls
 * to a ring buffer under a per-reason rate limit, and returns 0 or -EPERM. It never parses,
 * allocates or loops over the policy. Two copies of the program differ only in how they read
 * the current task (see core_fixes.bpf.h); the loader loads exactly one.
 *
 * This object creates every map (maps.bpf.h). The guards of a sealed enforcer live in
 * seal.bpf.c, a second object loaded with the same maps.
 */
#include "vmlinux_min.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "core_fixes.bpf.h"
#include "decide.h"
#include "lockdown_abi.h"
#include "maps.bpf.h"
#include "report.bpf.h"

char LICENSE[] SEC("license") = "GPL";

static __always_inline __u32 lookup_rule(void *map, const void *key)
{
	__u32 *r = bpf_map_lookup_elem(map, key);

	return r ? *r : LD_RULE_NONE;
}

/*
 * A sealed enforcer gives an executable's exemption only to the executable itself: not to a
 * traced task (a tracer could run its own code there), and not to a file that replaced or
 * removed the exempt one since the seal (its inode number may be reused). Sets the flag
 * that says why and returns nonzero when the exemption is withheld.
 */
static __always_inline int exe_withheld(struct task_struct *t, struct ld_task *s, const int btf)
{
	if (ld_read_traced(t, btf)) {
		s->flags |= LD_EV_TRACED;
		return 1;
	}
	if (ld_revoked(s->exe_dev, s->exe_ino)) {
		s->flags |= LD_EV_REVOKED;
		return 1;
	}
	return 0;
}

/*
 * Step 1, lookup: the rule of each subject kind the generation can match on. Reads only
 * what the tables of the generation `set` need (kernel threads match none); what it read is
 * kept in `s` and marked in the returned LD_HAVE_* bits for the event.
 */
static __always_inline __u32 lookup_subject(const struct ld_policy *p, __u32 set, __u32 sealed,
					    struct ld_subject_rules *sr, struct ld_task *s,
					    const int btf)
{
	struct task_struct *t = 0;
	__u32 has = p->subjects, have = 0;

	if (has & (LD_HAS_EXE | LD_HAS_UID)) {
		t = ld_current(btf);
		have |= LD_HAVE_KTHREAD;
		if (!ld_read_kthread(t, s, btf)) {
			if (has & LD_HAS_EXE) {
				ld_read_exe(t, s, btf);
				have |= LD_HAVE_EXE;
				if (s->exe_ino) {
					struct ld_exe_key k = { .gen = set,
								.dev = s->exe_dev,
								.ino = s->exe_ino };

					sr->exe = lookup_rule(&exes, &k);
					if (sr->exe != LD_RULE_NONE && sealed &&
					    exe_withheld(t, s, btf))
						sr->exe = LD_RULE_NONE;
				}
			}
			if (has & LD_HAS_UID) {
				struct ld_uid_key k = { .gen = set,
							.uid = (__u32)bpf_get_current_uid_gid() };

				sr->uid = lookup_rule(&uids, &k);
			}
		}
	}
	if (has & LD_HAS_CGROUP) {
		s->cgroup_id = bpf_get_current_cgroup_id();
		have |= LD_HAVE_CGROUP;
		if (s->cgroup_id) {
			struct ld_cgroup_key k = { .gen = set, .id = s->cgroup_id };

			sr->cgroup = lookup_rule(&cgroups, &k);
		}
	}
	if (p->host_rule != LD_RULE_NONE) {
		if (!t)
			t = ld_current(btf);
		ld_read_ns(t, s, ld_init_netns, btf);
		have |= LD_HAVE_NS;
		sr->host = !!(s->flags & LD_EV_HOST);
	}
	return have;
}

/* The object kind whose file decides reason, or LD_OBJ_NONE (numbers from the kernel's BTF). */
static __always_inline __u32 object_kind(__u32 reason)
{
	if (reason == bpf_core_enum_value(enum lockdown_reason, LOCKDOWN_MODULE_SIGNATURE))
		return LD_OBJ_MODULE;
	if (reason == bpf_core_enum_value(enum lockdown_reason, LOCKDOWN_KEXEC))
		return LD_OBJ_KEXEC;
	return LD_OBJ_NONE;
}

/*
 * Step 1b, the object: for module_signature and kexec, the file this thread just had the
 * kernel read as a module or kexec image (ld_obj_read below; none when the bytes came from
 * user space), and its rule: narrowed by the task's executable (not for a traced task once
 * sealed), its cgroup, its uid, or none, most specific first. Sealed, a file replaced or
 * removed since the seal matches nothing. Returns the rule (LD_RULE_NONE: none) in the low
 * 16 bits and the event flags it found (LD_EV_OBJECT, LD_EV_REVOKED) above them.
 */
static __always_inline __u32 object_rule(__u32 set, __u32 reason, __u32 sealed, __u32 subjects,
					 const int btf)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid(), kind = object_kind(reason), r;
	struct ld_obj_key k = { .gen = set, .kind = (__u8)kind };
	struct task_struct *t;
	struct ld_loading *l;
	struct ld_task s = {};

	if (kind == LD_OBJ_NONE)
		return LD_RULE_NONE;
	l = bpf_map_lookup_elem(&loading, &tid);
	if (!l || l->kind != kind)
		return LD_RULE_NONE;
	/* The event names the file whatever the policy says of it. */
	if (!(subjects & LD_HAS_OBJECT))
		return LD_RULE_NONE | LD_EV_OBJECT << 16;
	k.dev = l->dev;
	k.ino = l->ino;
	if (sealed && ld_revoked(k.dev, k.ino))
		return LD_RULE_NONE | (LD_EV_OBJECT | LD_EV_REVOKED) << 16;
	t = ld_current(btf);
	if (!ld_read_kthread(t, &s, btf)) {
		ld_read_exe(t, &s, btf);
		if (s.exe_ino && !(sealed && ld_read_traced(t, btf))) {
			k.subj = LD_OSUBJ_EXE;
			k.sa = s.exe_dev;
			k.sb = s.exe_ino;
			r = lookup_rule(&objects, &k);
			if (r != LD_RULE_NONE)
				return r | LD_EV_OBJECT << 16;
		}
	}
	k.subj = LD_OSUBJ_CGROUP;
	k.sa = bpf_get_current_cgroup_id();
	k.sb = 0;
	r = lookup_rule(&objects, &k);
	if (r == LD_RULE_NONE) {
		k.subj = LD_OSUBJ_UID;
		k.sa = (__u32)bpf_get_current_uid_gid();
		r = lookup_rule(&objects, &k);
	}
	if (r == LD_RULE_NONE) {
		k.subj = LD_OSUBJ_ANY;
		k.sa = 0;
		r = lookup_rule(&objects, &k);
	}
	return (r & 0xffff) | LD_EV_OBJECT << 16;
}

/*
 * Global functions, one per program variant (libbpf links into each program only the one it
 * calls), called on every decision: the verifier checks a global function once, on its own,
 * with scalar arguments (5.6+), and the decision program sees one unknown rule, not a path per
 * lookup. Inlined, the object's paths made 6.1's verifier give up after a million
 * instructions.
 */
__attribute__((noinline)) __u32 ld_object_rule_btf(__u32 set, __u32 reason, __u32 sealed,
						   __u32 subjects)
{
	return object_rule(set, reason, sealed, subjects, 1);
}

__attribute__((noinline)) __u32 ld_object_rule_probe(__u32 set, __u32 reason, __u32 sealed,
						     __u32 subjects)
{
	return object_rule(set, reason, sealed, subjects, 0);
}

/* Step 3, count: the outcome in this CPU's counters of the reason. */
static __always_inline struct ld_counters *count_outcome(__u32 reason, const struct ld_verdict *v)
{
	struct ld_counters *c = ld_counters_of(reason);

	if (c && v->outcome < LD_OUTCOMES)
		LD_ADD(c->outcome[v->outcome]);
	return c;
}

/* Step 4, report: an event for an audited or denied call, under the reason's rate limit. */
static __always_inline void report_call(__u32 reason, __u32 gen, const struct ld_policy *p,
					const struct ld_verdict *v, struct ld_counters *c,
					struct ld_task *s, __u32 have, const int btf)
{
	struct ld_event *e;

	if (v->outcome == LD_OUT_ALLOWED)
		return;
	e = ld_event_reserve(reason, p->rate_limit, c);
	if (!e)
		return;
	e->kind = LD_EVK_REASON;
	e->reason = reason;
	e->rule = v->rule;
	e->action = v->action;
	e->outcome = v->outcome;
	e->match = v->match;
	e->mode = p->mode;
	e->flags = v->would_deny ? LD_EV_WOULD_DENY : 0;
	e->gen = gen;
	e->obj_dev = 0;
	e->obj_ino = 0;
	__builtin_memset(e->obj_name, 0, sizeof(e->obj_name));
	if (s->flags & LD_EV_OBJECT) {
		__u32 tid = (__u32)bpf_get_current_pid_tgid();
		struct ld_loading *l = bpf_map_lookup_elem(&loading, &tid);

		if (l) {
			e->obj_dev = l->dev;
			e->obj_ino = l->ino;
			__builtin_memcpy(e->obj_name, l->name, sizeof(e->obj_name));
		}
	}
	ld_event_submit(e, s, c, have, btf);
}

/*
 * The whole decision: lookup, decide (ld_decide(), shared with the host tests), count,
 * report. The generation is read once, so every lookup uses the same one.
 */
static __always_inline int decide_and_report(__u32 reason, const int btf)
{
	struct ld_subject_rules sr = { .obj = LD_RULE_NONE,
				       .exe = LD_RULE_NONE,
				       .cgroup = LD_RULE_NONE,
				       .uid = LD_RULE_NONE,
				       .host = 0 };
	struct ld_task s = {};
	__u32 zero = 0, gen, set, have, obj;
	struct ld_counters *c;
	struct ld_verdict v;
	struct ld_active *a;
	struct ld_policy *p;

	a = bpf_map_lookup_elem(&active, &zero);
	if (!a)
		return 0;
	gen = *(volatile __u32 *)&a->gen;
	set = gen & 1;
	p = bpf_map_lookup_elem(&policy, &set);
	if (!p)
		return 0;

	have = lookup_subject(p, set, a->sealed, &sr, &s, btf);
	obj = btf ? ld_object_rule_btf(set, reason, a->sealed, p->subjects)
		  : ld_object_rule_probe(set, reason, a->sealed, p->subjects);
	sr.obj = obj & 0xffff;
	s.flags |= (obj >> 16) & (LD_EV_OBJECT | LD_EV_REVOKED);
	v = ld_decide(p, reason, &sr);
	c = count_outcome(reason, &v);
	report_call(reason, gen, p, &v, c, &s, have, btf);
	/* The file decided this call: the next one needs a read of its own. */
	if (s.flags & LD_EV_OBJECT) {
		__u32 tid = (__u32)bpf_get_current_pid_tgid();

		bpf_map_delete_elem(&loading, &tid);
	}
	/* 0 or -EPERM: inlined, so the verifier sees the bounded value ([-4095, 0] on 6.12+). */
	return v.ret;
}

/* A verdict of an earlier BPF program stands; bounded so the verifier can check the range. */
static __always_inline int earlier_verdict(int ret)
{
	return ret > 0 || ret < -4095 ? -LD_EPERM : ret;
}

SEC("lsm/locked_down")
int BPF_PROG(ld_locked_down, enum lockdown_reason what, int ret)
{
	if (ret != 0)
		return earlier_verdict(ret);
	return decide_and_report((__u32)what, 1);
}

SEC("lsm/locked_down")
int BPF_PROG(ld_locked_down_probe, enum lockdown_reason what, int ret)
{
	if (ret != 0)
		return earlier_verdict(ret);
	return decide_and_report((__u32)what, 0);
}

/*
 * The objects: the file a thread has the kernel read as a module (finit_module, compressed or
 * not) or as a kexec image (kexec_file_load), kept in `loading` for the decision that follows
 * in the same thread; bytes from user space (init_module, kexec_load) drop what was kept, so
 * they never pass for a file read before. The file is a hook argument, a BTF pointer on every
 * kernel: these programs read it alike on both variants. The ids are found by name; 6.18+
 * reads compressed modules as READING_MODULE_COMPRESSED.
 */
SEC("lsm/kernel_read_file")
int BPF_PROG(ld_obj_read, struct file *file, enum kernel_read_file_id id, _Bool contents, int ret)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	struct ld_loading v = {};
	struct inode *ino;
	__u16 flags = 0;

	if (id == bpf_core_enum_value(enum kernel_read_file_id, READING_MODULE) ||
	    (bpf_core_enum_value_exists(enum kernel_read_file_id, READING_MODULE_COMPRESSED) &&
	     id == bpf_core_enum_value(enum kernel_read_file_id, READING_MODULE_COMPRESSED)))
		v.kind = LD_OBJ_MODULE;
	else if (id == bpf_core_enum_value(enum kernel_read_file_id, READING_KEXEC_IMAGE))
		v.kind = LD_OBJ_KEXEC;
	if (v.kind != LD_OBJ_NONE && file) {
		ino = file->f_inode;
		if (ino)
			ld_inode_id(ino, &v.dev, &v.ino);
		ld_read_dentry_name(file->f_path.dentry, v.name, &flags, 1);
		bpf_map_update_elem(&loading, &tid, &v, BPF_ANY);
	}
	return ret ? earlier_verdict(ret) : 0;
}

SEC("lsm/kernel_load_data")
int BPF_PROG(ld_obj_load, enum kernel_load_data_id id, _Bool contents, int ret)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();

	/* Bytes from user space: whatever file this thread read before decides nothing. */
	if (id == bpf_core_enum_value(enum kernel_load_data_id, LOADING_MODULE) ||
	    id == bpf_core_enum_value(enum kernel_load_data_id, LOADING_KEXEC_IMAGE))
		bpf_map_delete_elem(&loading, &tid);
	return ret ? earlier_verdict(ret) : 0;
}
