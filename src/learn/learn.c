// SPDX-License-Identifier: GPL-2.0-only
/* lockdown learn: the tightest policy that still allows every recorded call (see learn.h). */
#include "learn.h"
#include "mountinfo.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct use {
	char reason[48];
	unsigned long long count;
	char first[64], last[64];
};

struct group {
	/* by executable: the file's identity; by cgroup: the cgroup id */
	__u64 dev, ino, cgroup;
	char path[PATH_MAX]; /* known path, or "" */
	char name[256];	     /* the kernel's file name, when the path is not known */
	unsigned long long count;
	char first[64], last[64];
	struct use *uses;
	size_t nuses;
	bool needed; /* used a reason the base denies: becomes a section */
};

/* A module or kexec image file loaded (by identity), and how often. */
struct object {
	unsigned int kind; /* enum ld_object_kind */
	__u64 dev, ino;
	char name[256]; /* the kernel's file name (escaped) */
	char path[PATH_MAX];
	unsigned long long count;
	char first[64], last[64];
};

struct ld_learner {
	const struct ld_reasons *rs;
	struct ld_learn_opts o;
	struct group *groups;
	size_t ngroups;
	struct object *objects;
	size_t nobjects;
	unsigned long long calls, kthread_calls, unknown_reason;
	char first[64], last[64];
	struct use *unreported;
	size_t nunreported;
	struct use *kthreads; /* reasons kernel threads used */
	size_t nkthreads;
};

struct ld_learner *ld_learner_new(const struct ld_reasons *rs, const struct ld_learn_opts *o)
{
	struct ld_learner *l = calloc(1, sizeof(*l));

	if (l) {
		l->rs = rs;
		l->o = *o;
	}
	return l;
}

void ld_learner_free(struct ld_learner *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->ngroups; i++)
		free(l->groups[i].uses);
	free(l->groups);
	free(l->objects);
	free(l->unreported);
	free(l->kthreads);
	free(l);
}

/* First and last of a span, by ISO 8601 text (which sorts as time does). */
static void span(char *first, char *last, size_t len, const char *t)
{
	if (!*t)
		return;
	if (!*first || strcmp(t, first) < 0)
		snprintf(first, len, "%s", t);
	if (!*last || strcmp(t, last) > 0)
		snprintf(last, len, "%s", t);
}

static int use(struct use **uses, size_t *n, const char *reason, const char *time,
	       unsigned long long count)
{
	struct use *u = NULL;

	for (size_t i = 0; i < *n; i++)
		if (!strcmp((*uses)[i].reason, reason))
			u = &(*uses)[i];
	if (!u) {
		struct use *g = realloc(*uses, (*n + 1) * sizeof(**uses));

		if (!g)
			return -ENOMEM;
		*uses = g;
		u = &g[(*n)++];
		memset(u, 0, sizeof(*u));
		snprintf(u->reason, sizeof(u->reason), "%s", reason);
	}
	u->count += count;
	span(u->first, u->last, sizeof(u->first), time);
	return 0;
}

/* Whether the base group holds the reason on this kernel (else nothing needs allowing). */
static bool in_base(const struct ld_learner *l, const char *reason)
{
	const struct ld_reason *r = ld_reason_by_name(l->rs, reason);

	return r && ld_reason_in_group(r, l->o.base);
}

int ld_learner_add(struct ld_learner *l, const struct ld_rec *r)
{
	struct group *g = NULL;

	l->calls++;
	span(l->first, l->last, sizeof(l->first), r->time);
	if (!ld_reason_by_name(l->rs, r->reason)) {
		l->unknown_reason++;
		return 0;
	}
	/* A module or kexec image from a file: a rule for the file, not for its loader. */
	if (r->has_obj && ld_object_kind_of(r->reason) != LD_OBJ_NONE) {
		unsigned int kind = ld_object_kind_of(r->reason);
		struct object *o = NULL;

		for (size_t i = 0; i < l->nobjects && !o; i++)
			if (l->objects[i].kind == kind && l->objects[i].dev == r->obj_dev &&
			    l->objects[i].ino == r->obj_ino)
				o = &l->objects[i];
		if (!o) {
			struct object *grown =
				realloc(l->objects, (l->nobjects + 1) * sizeof(*grown));

			if (!grown)
				return -ENOMEM;
			l->objects = grown;
			o = &grown[l->nobjects++];
			memset(o, 0, sizeof(*o));
			o->kind = kind;
			o->dev = r->obj_dev;
			o->ino = r->obj_ino;
			snprintf(o->name, sizeof(o->name), "%s", r->obj_name);
		}
		o->count++;
		span(o->first, o->last, sizeof(o->first), r->time);
		return 0;
	}
	if (r->kthread || (l->o.by == LD_LEARN_BY_EXE && !r->has_exe)) {
		l->kthread_calls++;
		return use(&l->kthreads, &l->nkthreads, r->reason, r->time, 1);
	}
	for (size_t i = 0; i < l->ngroups && !g; i++) {
		struct group *x = &l->groups[i];

		if (l->o.by == LD_LEARN_BY_EXE ? x->dev == r->exe_dev && x->ino == r->exe_ino
					       : x->cgroup == r->cgroup)
			g = x;
	}
	if (!g) {
		struct group *grown = realloc(l->groups, (l->ngroups + 1) * sizeof(*grown));

		if (!grown)
			return -ENOMEM;
		l->groups = grown;
		g = &grown[l->ngroups++];
		memset(g, 0, sizeof(*g));
		g->dev = r->exe_dev;
		g->ino = r->exe_ino;
		g->cgroup = r->cgroup;
	}
	if (!g->path[0] && r->exe[0])
		snprintf(g->path, sizeof(g->path), "%s", r->exe);
	if (!g->name[0] && r->exe_name[0])
		snprintf(g->name, sizeof(g->name), "%s", r->exe_name);
	g->count++;
	span(g->first, g->last, sizeof(g->first), r->time);
	return use(&g->uses, &g->nuses, r->reason, r->time, 1);
}

void ld_learner_note_unreported(struct ld_learner *l, const char *reason, unsigned long long n)
{
	use(&l->unreported, &l->nunreported, reason, "", n);
}

/* ---- where things are now -------------------------------------------------------------- */

static struct ld_mounts mounts; /* read once per run */

static bool same_file(const char *path, __u64 dev, __u64 ino)
{
	__u64 d, i;
	unsigned int mode;

	return ld_path_identity(&mounts, path, &d, &i, &mode) == 0 && S_ISREG(mode) && d == dev &&
	       i == ino;
}

#define LD_LEARN_WALK_MAX 4000000 /* files looked at per walk before giving up */

static const char *walk_name;
static __u64 walk_dev, walk_ino;
static unsigned long walk_seen;
static char walk_found[PATH_MAX];

static int exe_walk(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	if (++walk_seen > LD_LEARN_WALK_MAX)
		return 2;
	if (type != FTW_F || (__u64)st->st_ino != walk_ino || strcmp(path + ftw->base, walk_name))
		return 0;
	if (!same_file(path, walk_dev, walk_ino))
		return 0;
	snprintf(walk_found, sizeof(walk_found), "%s", path);
	return 1;
}

/* An executable known only by its file name: look for that file, by identity, where
 * executables are, then on its file system. */
static bool find_exe(const struct ld_learner *l, struct group *g)
{
	static const char *const dirs[] = { "/usr/local/sbin", "/usr/local/bin",  "/usr/sbin",
					    "/usr/bin",	       "/sbin",		  "/bin",
					    "/usr/libexec",    "/usr/lib/systemd" };
	char path[PATH_MAX];

	if (!g->name[0] || strchr(g->name, '/') || strchr(g->name, '\\'))
		return false;
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dirs[i], g->name);
		if (same_file(path, g->dev, g->ino))
			goto found;
	}
	/* Beside the other executables of the stream (/opt/agent/bin, ...). */
	for (size_t k = 0; k < l->ngroups; k++) {
		const char *other = l->groups[k].path, *slash = strrchr(other, '/');

		if (!other[0] || !slash)
			continue;
		snprintf(path, sizeof(path), "%.*s/%s", (int)(slash - other), other, g->name);
		if (same_file(path, g->dev, g->ino))
			goto found;
	}
	/* Last, the file system the kernel named: every mount of that device, by name and
	 * inode (one walk per executable not found above; bounded). The mount points are
	 * copied first: identity checks may read the mount table again. */
	if (!mounts.m && ld_mounts_read(NULL, &mounts) != 0)
		return false;
	{
		char *points[16];
		size_t np = 0;
		bool hit = false;

		for (size_t i = 0; i < mounts.n && np < 16; i++)
			if (ld_mount_kdev(&mounts.m[i]) == g->dev)
				points[np++] = strdup(mounts.m[i].mountpoint);
		for (size_t i = 0; i < np; i++) {
			walk_name = g->name;
			walk_dev = g->dev;
			walk_ino = g->ino;
			walk_seen = 0;
			walk_found[0] = '\0';
			if (!hit && points[i] &&
			    nftw(points[i], exe_walk, 16, FTW_PHYS | FTW_MOUNT) == 1) {
				snprintf(path, sizeof(path), "%s", walk_found);
				hit = true;
			}
			free(points[i]);
		}
		if (hit)
			goto found;
	}
	return false;
found:
	snprintf(g->path, sizeof(g->path), "%s", path);
	return true;
}

/* A module or kexec image known by its file name and identity: where such files are. */
static bool find_object(struct object *o)
{
	static const char *const dirs[LD_OBJ_KINDS][3] = {
		[LD_OBJ_MODULE] = { "/lib/modules", "/usr/lib/modules", NULL },
		[LD_OBJ_KEXEC] = { "/boot", NULL, NULL },
	};

	if (!o->name[0] || strchr(o->name, '/') || strchr(o->name, '\\') || o->kind >= LD_OBJ_KINDS)
		return false;
	for (size_t i = 0; i < 3 && dirs[o->kind][i]; i++) {
		walk_name = o->name;
		walk_dev = o->dev;
		walk_ino = o->ino;
		walk_seen = 0;
		walk_found[0] = '\0';
		if (nftw(dirs[o->kind][i], exe_walk, 16, FTW_PHYS) == 1) {
			snprintf(o->path, sizeof(o->path), "%s", walk_found);
			return true;
		}
	}
	return false;
}

/* The Module= or Kexec= section of the files of kind that were found. */
static int write_objects(struct ld_learner *l, unsigned int kind, FILE *out, FILE *report)
{
	unsigned long long count = 0;
	char first[64] = "", last[64] = "";
	bool any = false;

	for (size_t i = 0; i < l->nobjects; i++) {
		struct object *o = &l->objects[i];

		if (o->kind != kind)
			continue;
		if (!find_object(o) || strpbrk(o->path, " \t\n\r#;")) {
			fprintf(report,
				"lockdown: learn: %s %s (%u:%u:%llu) was not found under %s: its "
				"%llu loads are not turned into a rule\n",
				ld_object_noun(kind), o->name[0] ? ld_safe(o->name) : "?",
				(unsigned int)(o->dev >> 20), (unsigned int)(o->dev & 0xfffff),
				(unsigned long long)o->ino,
				kind == LD_OBJ_MODULE ? "/lib/modules" : "/boot", o->count);
			o->path[0] = '\0';
			continue;
		}
		count += o->count;
		span(first, last, sizeof(first), o->first);
		span(first, last, sizeof(first), o->last);
		any = true;
	}
	if (!any)
		return 0;
	fprintf(out, "\n# %llu loads from files, %s .. %s\n[%s]\n", count, first, last,
		kind == LD_OBJ_MODULE ? "modules" : "kexec-images");
	for (size_t i = 0; i < l->nobjects; i++) {
		const struct object *o = &l->objects[i];

		if (o->kind == kind && o->path[0])
			fprintf(out, "%s=%s # %llu loads, first %s, last %s\n", ld_object_key(kind),
				o->path, o->count, o->first, o->last);
	}
	fprintf(out, "Allow=%s\n", kind == LD_OBJ_MODULE ? "module_signature" : "kexec");
	return 1;
}

/* The cgroup2 directory whose id is id, under the cgroup2 mount. */
static __u64 want_cgroup;
static char found_cgroup[PATH_MAX];

static int cgroup_walk(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	union {
		struct file_handle fh;
		char buf[sizeof(struct file_handle) + 16];
	} h;
	int mount_id;
	__u64 id;

	(void)st;
	(void)ftw;
	if (type != FTW_D)
		return 0;
	h.fh.handle_bytes = 16;
	if (name_to_handle_at(AT_FDCWD, path, &h.fh, &mount_id, 0) != 0 || h.fh.handle_bytes != 8)
		return 0;
	memcpy(&id, h.fh.f_handle, 8);
	if (id != want_cgroup)
		return 0;
	snprintf(found_cgroup, sizeof(found_cgroup), "%s", path);
	return 1;
}

static bool find_cgroup(const struct ld_learner *l, struct group *g)
{
	const char *root = l->o.cgroup_root;

	if (!root) {
		if (!mounts.m && ld_mounts_read(NULL, &mounts) != 0)
			return false;
		for (size_t i = 0; i < mounts.n && !root; i++)
			if (!strcmp(mounts.m[i].fstype, "cgroup2"))
				root = mounts.m[i].mountpoint;
	}
	if (!root || !g->cgroup)
		return false;
	want_cgroup = g->cgroup;
	found_cgroup[0] = '\0';
	if (nftw(root, cgroup_walk, 16, FTW_PHYS) != 1)
		return false;
	snprintf(g->path, sizeof(g->path), "%s", found_cgroup);
	return true;
}

/* ---- writing ----------------------------------------------------------------------------- */

static int cmp_group(const void *a, const void *b)
{
	const struct group *x = a, *y = b;

	return strcmp(x->path, y->path);
}

static int cmp_use(const void *a, const void *b)
{
	return strcmp(((const struct use *)a)->reason, ((const struct use *)b)->reason);
}

/* A section name from a path's last part: letters, digits and _ . : @ -, unique. */
static void section_name(const char *path, char names[][48], size_t n, char *out)
{
	const char *base = strrchr(path, '/');
	char s[48];
	size_t k = 0;

	base = base && base[1] ? base + 1 : path;
	for (; *base && k < 40; base++)
		s[k++] = isalnum((unsigned char)*base) || strchr("_.:@-", *base) ? *base : '-';
	s[k] = '\0';
	if (!k || !strcmp(s, "default") || !strcasecmp(s, "policy"))
		snprintf(s, sizeof(s), "subject");
	snprintf(out, 48, "%s", s);
	for (unsigned int i = 2;; i++) {
		bool taken = false;

		for (size_t j = 0; j < n; j++)
			taken |= !strcmp(names[j], out);
		if (!taken)
			return;
		snprintf(out, 48, "%.40s-%u", s, i);
	}
}

int ld_learner_write(struct ld_learner *l, FILE *out, FILE *report)
{
	char(*names)[48] = calloc(l->ngroups + 1, sizeof(*names));
	bool by_exe = l->o.by == LD_LEARN_BY_EXE;
	size_t nnames = 0;
	int sections = 0;

	if (!names)
		return -ENOMEM;
	for (size_t i = 0; i < l->ngroups; i++) {
		struct group *g = &l->groups[i];
		bool needed = false;

		for (size_t k = 0; k < g->nuses; k++)
			needed |= in_base(l, g->uses[k].reason);
		g->needed = needed;
		if (!needed)
			continue;
		if (by_exe && g->path[0] && !same_file(g->path, g->dev, g->ino)) {
			fprintf(report,
				"lockdown: learn: %s is another file now (replaced since the "
				"events): "
				"the rule names the file there now\n",
				ld_safe(g->path));
		}
		if (by_exe && !g->path[0] && !find_exe(l, g)) {
			fprintf(report,
				"lockdown: learn: executable %s (%u:%u:%llu) no longer exists: its "
				"%llu "
				"calls are not turned into a rule\n",
				g->name[0] ? ld_safe(g->name) : "?", (unsigned int)(g->dev >> 20),
				(unsigned int)(g->dev & 0xfffff), (unsigned long long)g->ino,
				g->count);
			g->path[0] = '\0';
			continue;
		}
		if (strpbrk(g->path, " \t\n\r#;")) {
			fprintf(report,
				"lockdown: learn: %s cannot be written in a policy (white space or "
				"a "
				"comment character): its %llu calls are not turned into a rule\n",
				ld_safe(g->path), g->count);
			g->path[0] = '\0';
			continue;
		}
		if (by_exe && access(g->path, F_OK) != 0) {
			fprintf(report,
				"lockdown: learn: %s no longer exists: its %llu calls are not "
				"turned into a rule\n",
				ld_safe(g->path), g->count);
			g->path[0] = '\0';
			continue;
		}
		if (!by_exe && !find_cgroup(l, g)) {
			fprintf(report,
				"lockdown: learn: cgroup %llu no longer exists: its %llu calls are "
				"not "
				"turned into a rule\n",
				(unsigned long long)g->cgroup, g->count);
			continue;
		}
	}
	if (l->ngroups) /* no events: no array (qsort() takes no NULL) */
		qsort(l->groups, l->ngroups, sizeof(*l->groups), cmp_group);

	fprintf(out, "# Learned by lockdown learn from %s: %llu calls", l->o.source, l->calls);
	if (l->first[0])
		fprintf(out, ", %s .. %s", l->first, l->last);
	fprintf(out,
		".\n# Review every section before you apply it: each line says how often "
		"and when\n# the reason was used.\n\n[Policy]\nDeny=%s\n",
		l->o.base);
	for (size_t i = 0; i < l->nunreported; i++) {
		if (!in_base(l, l->unreported[i].reason))
			continue;
		fprintf(out,
			"# %s: used %llu times without an event (rate-limited or dropped): who "
			"used "
			"it is unknown\n",
			l->unreported[i].reason, l->unreported[i].count);
		fprintf(report,
			"lockdown: learn: %s was used %llu times that no event reports "
			"(rate-limited "
			"or dropped): no rule could be learned for those calls\n",
			l->unreported[i].reason, l->unreported[i].count);
	}
	for (size_t i = 0; i < l->nkthreads; i++)
		fprintf(report,
			"lockdown: learn: kernel threads (or tasks without an executable) used %s "
			"%llu times: not turned into a rule\n",
			l->kthreads[i].reason, l->kthreads[i].count);
	for (size_t i = 0; i < l->ngroups; i++) {
		struct group *g = &l->groups[i];
		char name[48];

		if (!g->needed || !g->path[0])
			continue;
		qsort(g->uses, g->nuses, sizeof(*g->uses), cmp_use);
		section_name(g->path, names, nnames, name);
		memcpy(names[nnames++], name, sizeof(name));
		fprintf(out, "\n# %llu calls, %s .. %s\n[%s]\n%s=%s\n", g->count, g->first, g->last,
			name, by_exe ? "Executable" : "Cgroup", g->path);
		for (size_t k = 0; k < g->nuses; k++) {
			const struct use *u = &g->uses[k];

			if (!in_base(l, u->reason))
				continue;
			fprintf(out, "Allow=%s # %llu calls, first %s, last %s\n", u->reason,
				u->count, u->first, u->last);
		}
		sections++;
	}
	for (unsigned int kind = 1; kind < LD_OBJ_KINDS; kind++) {
		const struct ld_reason *r = ld_reason_by_name(
			l->rs, kind == LD_OBJ_MODULE ? "module_signature" : "kexec");

		if (r && in_base(l, r->name))
			sections += write_objects(l, kind, out, report);
	}
	free(names);
	ld_mounts_free(&mounts);
	return ferror(out) ? -EIO : sections;
}
