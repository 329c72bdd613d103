// SPDX-License-Identifier: GPL-2.0-only
/* The compiled policy: release, subject lookup (as the BPF program does it), digest, names. */
#include "policy.h"

#include <errno.h>
#include <sha2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ld_compiled_free(struct ld_compiled *c)
{
	if (!c)
		return;
	free(c->exes);
	free(c->cgroups);
	free(c->uids);
	free(c->libs);
	free(c->objects);
	c->exes = NULL;
	c->cgroups = NULL;
	c->uids = NULL;
	c->libs = NULL;
	c->objects = NULL;
	c->nexes = c->ncgroups = c->nuids = c->nlibs = c->nobjects = 0;
}

static int cmp_exe(const void *a, const void *b)
{
	const struct ld_exe_rule *x = a, *y = b;

	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	return x->ino < y->ino ? -1 : x->ino > y->ino;
}

static int cmp_cgroup(const void *a, const void *b)
{
	const struct ld_cgroup_rule *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

static int cmp_uid(const void *a, const void *b)
{
	const struct ld_uid_rule *x = a, *y = b;

	return x->uid < y->uid ? -1 : x->uid > y->uid;
}

#define CMP(a, b)                                                                                  \
	do {                                                                                       \
		if ((a) != (b))                                                                    \
			return (a) < (b) ? -1 : 1;                                                 \
	} while (0)

static int cmp_obj(const void *a, const void *b)
{
	const struct ld_obj_rule *x = a, *y = b;

	CMP(x->kind, y->kind);
	CMP(x->dev, y->dev);
	CMP(x->ino, y->ino);
	CMP(x->subj, y->subj);
	CMP(x->sa, y->sa);
	CMP(x->sb, y->sb);
	return 0;
}

void ld_compiled_sort(struct ld_compiled *c)
{
	if (c->nobjects)
		qsort(c->objects, c->nobjects, sizeof(*c->objects), cmp_obj);
	if (c->nexes)
		qsort(c->exes, c->nexes, sizeof(*c->exes), cmp_exe);
	if (c->ncgroups)
		qsort(c->cgroups, c->ncgroups, sizeof(*c->cgroups), cmp_cgroup);
	if (c->nuids)
		qsort(c->uids, c->nuids, sizeof(*c->uids), cmp_uid);
}

void ld_compiled_match(const struct ld_compiled *c, __u64 dev, __u64 ino, __u64 cgroup_id,
		       __u32 uid, bool host, struct ld_subject_rules *out)
{
	const struct ld_exe_rule *e = NULL;
	const struct ld_cgroup_rule *g = NULL;
	const struct ld_uid_rule *u = NULL;

	if ((dev || ino) && c->nexes)
		e = bsearch(&(struct ld_exe_rule){ .dev = dev, .ino = ino }, c->exes, c->nexes,
			    sizeof(*c->exes), cmp_exe);
	if (cgroup_id && c->ncgroups)
		g = bsearch(&(struct ld_cgroup_rule){ .id = cgroup_id }, c->cgroups, c->ncgroups,
			    sizeof(*c->cgroups), cmp_cgroup);
	if (uid != (__u32)-1 && c->nuids)
		u = bsearch(&(struct ld_uid_rule){ .uid = uid }, c->uids, c->nuids,
			    sizeof(*c->uids), cmp_uid);
	out->obj = LD_RULE_NONE;
	out->exe = e ? e->rule : LD_RULE_NONE;
	out->cgroup = g ? g->rule : LD_RULE_NONE;
	out->uid = u ? u->rule : LD_RULE_NONE;
	out->host = host ? 1 : 0;
}

const struct ld_obj_rule *ld_compiled_match_object(const struct ld_compiled *c, unsigned int kind,
						   __u64 odev, __u64 oino, __u64 exe_dev,
						   __u64 exe_ino, __u64 cgroup_id, __u32 uid,
						   struct ld_subject_rules *out)
{
	/* Most specific first, as lockdown.bpf.c's object_rule() tries them. */
	const struct ld_obj_rule tries[] = {
		{ .subj = LD_OSUBJ_EXE, .sa = exe_dev, .sb = exe_ino },
		{ .subj = LD_OSUBJ_CGROUP, .sa = cgroup_id },
		{ .subj = LD_OSUBJ_UID, .sa = uid },
		{ .subj = LD_OSUBJ_ANY },
	};
	const struct ld_obj_rule *r = NULL;

	out->obj = LD_RULE_NONE;
	if (kind == LD_OBJ_NONE || !c->nobjects)
		return NULL;
	for (size_t i = 0; i < sizeof(tries) / sizeof(tries[0]) && !r; i++) {
		struct ld_obj_rule k = tries[i];

		if (k.subj == LD_OSUBJ_EXE && !exe_ino)
			continue;
		if (k.subj == LD_OSUBJ_UID && uid == (__u32)-1)
			continue;
		k.kind = (__u8)kind;
		k.dev = odev;
		k.ino = oino;
		r = bsearch(&k, c->objects, c->nobjects, sizeof(*c->objects), cmp_obj);
	}
	if (r)
		out->obj = r->rule;
	return r;
}

unsigned int ld_object_kind_of(const char *reason)
{
	if (!strcmp(reason, "module_signature"))
		return LD_OBJ_MODULE;
	if (!strcmp(reason, "kexec"))
		return LD_OBJ_KEXEC;
	return LD_OBJ_NONE;
}

const char *ld_object_noun(unsigned int kind)
{
	return kind == LD_OBJ_MODULE ? "module" : kind == LD_OBJ_KEXEC ? "kexec image" : "?";
}

const char *ld_object_key(unsigned int kind)
{
	return kind == LD_OBJ_MODULE ? "Module" : kind == LD_OBJ_KEXEC ? "Kexec" : "?";
}

void ld_compiled_digest_hex(const struct ld_compiled *c, char out[65])
{
	for (int i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", c->pol.digest[i]);
}

/* Text growing in a heap buffer. */
struct canon {
	char *buf;
	size_t len, cap;
	bool oom;
};

__attribute__((format(printf, 2, 3))) static void put(struct canon *k, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		size_t room = k->cap - k->len;

		va_start(ap, fmt);
		n = vsnprintf(k->buf ? k->buf + k->len : NULL, room, fmt, ap);
		va_end(ap);
		if (n < 0) {
			k->oom = true;
			return;
		}
		if ((size_t)n < room) {
			k->len += (size_t)n;
			return;
		}
		{
			size_t cap = (k->cap ? k->cap * 2 : 4096) + (size_t)n;
			char *nb = realloc(k->buf, cap);

			if (!nb) {
				k->oom = true;
				return;
			}
			k->buf = nb;
			k->cap = cap;
		}
	}
}

static const struct ld_reasons *sort_rs;

static int cmp_name(const void *a, const void *b)
{
	return strcmp(sort_rs->r[*(const unsigned int *)a].name,
		      sort_rs->r[*(const unsigned int *)b].name);
}

/*
 * SHA-256 over a canonical text of what is enforced: mode, rate limit, each rule's name
 * and action per reason *name* (sorted, so the same policy gives the same digest on kernels
 * that number the same reasons differently), and the subjects by identity (dev/ino, cgroup
 * id, uid; sorted). Paths and comments do not count; a replaced binary (new inode) does.
 */
int ld_compiled_compute_digest(struct ld_compiled *c, const struct ld_reasons *rs)
{
	struct canon k = { 0 };
	unsigned int order[LD_REASONS];
	int ret = 0;

	for (unsigned int i = 0; i < rs->count; i++)
		order[i] = i;
	sort_rs = rs;
	qsort(order, rs->count, sizeof(order[0]), cmp_name);
	sort_rs = NULL;

	put(&k, "lockdown-policy 1\nmode %s\nrate_limit %u\nrules %u\n", ld_mode_name(c->pol.mode),
	    c->pol.rate_limit, c->pol.nrules);
	if (c->pol.host_rule == LD_RULE_NONE)
		put(&k, "host_rule none\n");
	else
		put(&k, "host_rule %u\n", c->pol.host_rule);
	for (unsigned int r = 0; r < c->pol.nrules && r < LD_RULES; r++) {
		put(&k, "rule %u %s\n", r, c->rule_names[r]);
		for (unsigned int i = 0; i < rs->count; i++) {
			const struct ld_reason *x = &rs->r[order[i]];

			if (x->number < LD_REASONS)
				put(&k, " %s %s\n", x->name,
				    ld_action_name(c->pol.action[r][x->number]));
		}
	}
	for (size_t i = 0; i < c->nexes; i++)
		put(&k, "exe %llu %llu %u\n", (unsigned long long)c->exes[i].dev,
		    (unsigned long long)c->exes[i].ino, c->exes[i].rule);
	for (size_t i = 0; i < c->ncgroups; i++)
		put(&k, "cgroup %llu %u\n", (unsigned long long)c->cgroups[i].id,
		    c->cgroups[i].rule);
	for (size_t i = 0; i < c->nuids; i++)
		put(&k, "uid %u %u\n", c->uids[i].uid, c->uids[i].rule);
	for (size_t i = 0; i < c->nobjects; i++) {
		const struct ld_obj_rule *o = &c->objects[i];

		put(&k, "object %u %llu %llu %u %llu %llu %u\n", o->kind,
		    (unsigned long long)o->dev, (unsigned long long)o->ino, o->subj,
		    (unsigned long long)o->sa, (unsigned long long)o->sb, o->rule);
	}
	/* Sealing and the code exempt executables may map change what is enforced. */
	if (c->seal)
		put(&k, "seal yes\n");
	for (size_t i = 0; i < c->nlibs; i++)
		put(&k, "libraries %s\n", c->libs[i].path);
	if (k.oom) {
		ret = -ENOMEM;
	} else {
		SHA2_CTX ctx;

		_Static_assert(sizeof(c->pol.digest) == SHA256_DIGEST_LENGTH, "a SHA-256 digest");
		SHA256Init(&ctx);
		SHA256Update(&ctx, (const uint8_t *)k.buf, k.len);
		SHA256Final(c->pol.digest, &ctx);
	}
	free(k.buf);
	return ret;
}
