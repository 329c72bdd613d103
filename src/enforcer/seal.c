// SPDX-License-Identifier: GPL-2.0-only
/*
 * Sealing: after `apply --seal` (or Seal=yes) nothing changes or removes the policy in force
 * until reboot, and no other code can borrow an executable's exemption. The kernel refuses,
 * through the guard programs of seal.bpf.c; user space only prepares them:
 *
 *   prepare (before the policy changes): the guards were loaded with the enforcer; no other
 *     program uses the enforcer's maps; when the policy has executable exemptions, the
 *     `trusted` snapshot: those executables and the files they may map as code (the system's
 *     library directories and Libraries=).
 *   commit (once the policy is in force): write `trusted` and `seal` (what the guards
 *     protect: the pin directory, the file systems above it, the maps and programs, the file
 *     systems holding trusted files), attach each guard and pin its link in the pin
 *     directory, then arm (`seal.armed`, `active.sealed`) and freeze every map user space
 *     writes.
 *
 * Until armed the guards do nothing, so a failure before that step undoes the seal cleanly.
 */
#include "loader.h"
#include "mountinfo.h"
#include "util.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <ftw.h>
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- the library snapshot ---------------------------------------------------------------- */

/* Where the dynamic loader looks without LD_LIBRARY_PATH; /etc/ld.so.conf adds more. */
static const char *const system_lib_dirs[] = {
	"/lib", "/lib64", "/usr/lib", "/usr/lib64", "/usr/local/lib",
};

#define LIB_DEPTH 4 /* levels below a library directory (plugin directories) */

struct snapshot {
	struct ld_file_key *keys;
	size_t n, cap;
	struct ld_mounts ms;
	bool any_file; /* Libraries= directory: every regular file, not only *.so* */
	int err;
	char why[512];
};

static struct snapshot *snap; /* nftw() callbacks take no argument */

static int add_key(struct snapshot *s, __u64 dev, __u64 ino)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 1024;
		struct ld_file_key *k = realloc(s->keys, cap * sizeof(*k));

		if (!k)
			return -ENOMEM;
		s->keys = k;
		s->cap = cap;
	}
	s->keys[s->n].dev = dev;
	s->keys[s->n].ino = ino;
	s->n++;
	return 0;
}

static bool shared_object(const char *name)
{
	return fnmatch("*.so", name, 0) == 0 || fnmatch("*.so.*", name, 0) == 0;
}

static int add_file(struct snapshot *s, const char *path)
{
	__u64 dev, ino;
	unsigned int mode;
	int err = ld_path_identity(&s->ms, path, &dev, &ino, &mode);

	if (err == -ENOENT)
		return 0; /* a dangling link or a file gone meanwhile */
	if (err) {
		snprintf(s->why, sizeof(s->why), "%.300s: %s", path, strerror(-err));
		return err;
	}
	return S_ISREG(mode) ? add_key(s, dev, ino) : 0;
}

static int walk_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	if (ftw->level > LIB_DEPTH)
		return FTW_SKIP_SUBTREE;
	if (type != FTW_F && type != FTW_SL)
		return FTW_CONTINUE;
	if (!snap->any_file && !shared_object(path + ftw->base))
		return FTW_CONTINUE;
	snap->err = add_file(snap, path);
	return snap->err ? FTW_STOP : FTW_CONTINUE;
}

static int add_tree(struct snapshot *s, const char *dir, bool any_file)
{
	char real[PATH_MAX];
	struct stat st;

	if (!realpath(dir, real) || stat(real, &st) != 0)
		return 0; /* not on this system */
	if (!S_ISDIR(st.st_mode))
		return add_file(s, real);
	snap = s;
	s->any_file = any_file;
	s->err = 0;
	if (nftw(real, walk_one, 32, FTW_PHYS | FTW_ACTIONRETVAL) < 0 && !s->err) {
		snprintf(s->why, sizeof(s->why), "reading %.300s: %s", real, strerror(errno));
		s->err = -errno;
	}
	snap = NULL;
	return s->err;
}

/* Directories named by /etc/ld.so.conf and the files it includes (one level of include). */
static int add_ld_so_conf(struct snapshot *s, const char *file, int depth)
{
	FILE *f = fopen(file, "re");
	char line[PATH_MAX + 16];
	int err = 0;

	if (!f)
		return 0;
	while (!err && fgets(line, sizeof(line), f)) {
		char *p = line + strspn(line, " \t");

		ld_rstrip(p);
		if (!strncmp(p, "include", 7) && (p[7] == ' ' || p[7] == '\t') && depth == 0) {
			glob_t g;

			p += 8 + strspn(p + 8, " \t");
			if (glob(p, 0, NULL, &g) == 0) {
				for (size_t i = 0; !err && i < g.gl_pathc; i++)
					err = add_ld_so_conf(s, g.gl_pathv[i], depth + 1);
				globfree(&g);
			}
		} else if (p[0] == '/') {
			err = add_tree(s, p, false);
		}
	}
	fclose(f);
	return err;
}

static int cmp_key(const void *a, const void *b)
{
	const struct ld_file_key *x = a, *y = b;

	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	return x->ino < y->ino ? -1 : x->ino > y->ino;
}

static int take_snapshot(const struct ld_compiled *c, struct ld_seal_plan *plan, char *why,
			 size_t whylen)
{
	struct snapshot s = { 0 };
	size_t n = 0;
	int err = 0;

	/* The code exempt executables may map: only when there are some. */
	for (size_t i = 0;
	     c->nexes && !err && i < sizeof(system_lib_dirs) / sizeof(system_lib_dirs[0]); i++)
		err = add_tree(&s, system_lib_dirs[i], false);
	if (!err && c->nexes)
		err = add_ld_so_conf(&s, "/etc/ld.so.conf", 0);
	for (size_t i = 0; !err && i < c->nlibs; i++)
		err = add_tree(&s, c->libs[i].path, true);
	for (size_t i = 0; !err && i < c->nexes; i++)
		err = add_key(&s, c->exes[i].dev, c->exes[i].ino);
	/* The module and kexec image files a Module= or Kexec= rule allows: nobody may change
	 * them, and one replaced or removed since the seal matches no rule. */
	for (size_t i = 0; !err && i < c->nobjects; i++)
		err = add_key(&s, c->objects[i].dev, c->objects[i].ino);
	ld_mounts_free(&s.ms);
	if (err) {
		snprintf(why, whylen, "listing the files exempt executables may map: %s",
			 s.why[0] ? s.why : strerror(-err));
		free(s.keys);
		return err;
	}
	if (s.n)
		qsort(s.keys, s.n, sizeof(*s.keys), cmp_key);
	for (size_t i = 0; i < s.n; i++)
		if (n == 0 || cmp_key(&s.keys[n - 1], &s.keys[i]) != 0)
			s.keys[n++] = s.keys[i];
	if (n > LD_TRUSTED_MAX) {
		snprintf(why, whylen,
			 "%zu files in the library directories, Libraries=, Executable=, Module= "
			 "and Kexec=: more than the %u a seal can hold",
			 n, LD_TRUSTED_MAX);
		free(s.keys);
		return -E2BIG;
	}
	plan->trusted = s.keys;
	plan->ntrusted = n;
	return 0;
}

/* The file systems that hold trusted files: the guards look files up only on those. */
static void protected_devs(struct ld_seal_plan *plan)
{
	size_t n = 0;

	for (size_t i = 0; i < plan->ntrusted; i++) {
		__u64 dev = plan->trusted[i].dev;
		size_t k;

		for (k = 0; k < n && plan->prot_dev[k] != dev; k++)
			;
		if (k < n)
			continue;
		if (n == LD_SEAL_FS) {
			plan->prot_any = true;
			return;
		}
		plan->prot_dev[n++] = dev;
	}
}

/* ---- the enforcer's own objects --------------------------------------------------------- */

static __u32 fd_id(int fd)
{
	struct bpf_map_info info; /* id is at the same place in prog and link info */
	__u32 len = sizeof(info);

	memset(&info, 0, sizeof(info));
	return bpf_obj_get_info_by_fd(fd, &info, &len) == 0 ? info.id : 0;
}

static bool is_guard_prog_pin(const char *name)
{
	size_t n = strlen(name);

	return !strncmp(name, LD_GUARD_PREFIX, strlen(LD_GUARD_PREFIX)) &&
	       !(n > strlen(LD_GUARD_LINK) &&
		 !strcmp(name + n - strlen(LD_GUARD_LINK), LD_GUARD_LINK));
}

/* The pin of an object program (not its link): the loader attached it with the enforcer. */
static bool is_obj_prog_pin(const char *name)
{
	size_t n = strlen(name);

	return !strncmp(name, LD_OBJ_PREFIX, strlen(LD_OBJ_PREFIX)) &&
	       !(n > strlen(LD_GUARD_LINK) &&
		 !strcmp(name + n - strlen(LD_GUARD_LINK), LD_GUARD_LINK));
}

/* The ids of the enforcer's programs: the decision program, the object programs and every
 * pinned guard. */
static int our_progs(__u32 ids[LD_SEAL_PROGS], size_t *n)
{
	DIR *d = opendir(LD_PIN_DIR);
	struct dirent *de;
	char path[512];

	*n = 0;
	if (!d)
		return -errno;
	ids[(*n)++] = ld_sys_pinned_prog_id(LD_PIN_DIR "/prog");
	while ((de = readdir(d)) != NULL && *n < LD_SEAL_PROGS) {
		if (!is_guard_prog_pin(de->d_name) && !is_obj_prog_pin(de->d_name))
			continue;
		snprintf(path, sizeof(path), "%s/%s", LD_PIN_DIR, de->d_name);
		ids[(*n)++] = ld_sys_pinned_prog_id(path);
	}
	closedir(d);
	return 0;
}

static bool in_ids(const __u32 *ids, size_t n, __u32 id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

/* A program, other than ours, that uses one of the enforcer's maps: a way around the seal. */
static int foreign_users(const struct ld_pinned *p, const __u32 *progs, size_t nprogs, char *why,
			 size_t whylen)
{
	__u32 maps[LD_SEAL_MAPS], id = 0, used[64];
	size_t nmaps = ld_pinned_count();

	for (size_t i = 0; i < nmaps; i++)
		maps[i] = fd_id(ld_pinned_fd(p, i));
	while (bpf_prog_get_next_id(id, &id) == 0) {
		struct bpf_prog_info info;
		__u32 len = sizeof(info);
		int fd;

		if (in_ids(progs, nprogs, id))
			continue;
		fd = bpf_prog_get_fd_by_id(id);
		if (fd < 0)
			continue; /* gone meanwhile */
		memset(&info, 0, sizeof(info));
		info.nr_map_ids = sizeof(used) / sizeof(used[0]);
		info.map_ids = (__u64)(unsigned long)used;
		if (bpf_obj_get_info_by_fd(fd, &info, &len) == 0) {
			for (__u32 k = 0; k < info.nr_map_ids && k < 64; k++) {
				if (!in_ids(maps, nmaps, used[k]))
					continue;
				snprintf(why, whylen,
					 "BPF program %u (%s) uses the enforcer's map %u: a sealed "
					 "enforcer admits no other user of its maps",
					 id, info.name, used[k]);
				close(fd);
				return -EBUSY;
			}
		}
		close(fd);
	}
	return 0;
}

/* ---- prepare ------------------------------------------------------------------------------ */

int ld_seal_prepare(const struct ld_compiled *c, const struct ld_pinned *p,
		    struct ld_seal_plan *plan, char *why, size_t whylen)
{
	__u32 progs[LD_SEAL_PROGS];
	size_t nprogs = 0;
	int err;

	memset(plan, 0, sizeof(*plan));
	{
		/* Off, it has turned the enforcer's hooks off already (the guards keep it on). */
		char v[8] = "";
		FILE *f = fopen("/proc/sys/kernel/ftrace_enabled", "re");

		if (f && fgets(v, sizeof(v), f) && v[0] == '0') {
			fclose(f);
			snprintf(why, whylen,
				 "kernel.ftrace_enabled is 0, which turns the enforcer's programs "
				 "off: "
				 "set it to 1 before sealing; nothing was changed");
			return -EPERM;
		}
		if (f)
			fclose(f);
	}
	if (access(LD_PIN_DIR, F_OK) == 0) {
		if (access(LD_PIN_DIR "/" LD_GUARD_PREFIX "unlink", F_OK) != 0) {
			snprintf(
				why, whylen,
				"the enforcer in force was loaded without the seal's guards (the "
				"kernel's level was confidentiality, or they failed to load then): "
				"it cannot be sealed; nothing was changed");
			return -EOPNOTSUPP;
		}
		err = our_progs(progs, &nprogs);
		if (!err)
			err = foreign_users(p, progs, nprogs, why, whylen);
		if (err)
			return err;
	}
	if (c->nexes || c->nobjects) {
		err = take_snapshot(c, plan, why, whylen);
		if (err)
			return err;
	}
	protected_devs(plan);
	return 0;
}

void ld_seal_plan_free(struct ld_seal_plan *plan)
{
	free(plan->trusted);
	memset(plan, 0, sizeof(*plan));
}

/* ---- commit ------------------------------------------------------------------------------ */

/* The BPF file system holding the pins, and every file system mounted above it. */
static int pin_mounts(struct ld_seal *sl, char *why, size_t whylen)
{
	struct ld_mounts ms = { 0 };
	const struct ld_mount *m;
	unsigned long long id;
	__u64 dev, ino;
	unsigned int mode, n = 0;
	int err;

	err = ld_path_identity(&ms, LD_PIN_DIR, &dev, &ino, &mode);
	if (!err)
		err = ld_mount_id_of(LD_PIN_DIR, &id);
	if (err) {
		snprintf(why, whylen, "%s: %s", LD_PIN_DIR, strerror(-err));
		ld_mounts_free(&ms);
		return err;
	}
	sl->pin_dev = dev;
	sl->pin_ino = ino;
	sl->bpffs_dev = dev;
	m = ld_mounts_by_id(&ms, id);
	/* Up the parents to the root (a mount whose parent is itself or not in this namespace). */
	for (int depth = 0; m && depth < 64; depth++) {
		const struct ld_mount *up =
			m->parent != m->id ? ld_mounts_by_id(&ms, m->parent) : NULL;
		__u64 d;
		unsigned int k;

		if (!up)
			break;
		d = ld_mount_kdev(up);
		for (k = 0; k < n && sl->anc_dev[k] != d; k++)
			;
		if (k == n && d != sl->bpffs_dev) {
			if (n == LD_SEAL_FS) {
				snprintf(
					why, whylen,
					"%s sits below more than %d file systems: too deep to seal",
					LD_PIN_DIR, LD_SEAL_FS);
				ld_mounts_free(&ms);
				return -E2BIG;
			}
			sl->anc_dev[n++] = d;
		}
		m = up;
	}
	ld_mounts_free(&ms);
	return 0;
}

/* Unpin the guards' links: they detach (only before arming; armed, the kernel refuses). */
static void detach_guards(void)
{
	DIR *d = opendir(LD_PIN_DIR);
	struct dirent *de;
	char path[512];

	if (!d)
		return;
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);

		if (strncmp(de->d_name, LD_GUARD_PREFIX, strlen(LD_GUARD_PREFIX)) ||
		    n <= strlen(LD_GUARD_LINK) ||
		    strcmp(de->d_name + n - strlen(LD_GUARD_LINK), LD_GUARD_LINK))
			continue;
		snprintf(path, sizeof(path), "%s/%s", LD_PIN_DIR, de->d_name);
		unlink(path);
	}
	closedir(d);
}

/* Attach every pinned guard program and pin its link beside it. */
static int attach_guards(unsigned int *count, char *why, size_t whylen)
{
	DIR *d = opendir(LD_PIN_DIR);
	struct dirent *de;
	char path[512], lpath[520];
	int err = 0;

	*count = 0;
	if (!d)
		return -errno;
	while (!err && (de = readdir(d)) != NULL) {
		int fd, lfd;

		if (!is_guard_prog_pin(de->d_name))
			continue;
		snprintf(path, sizeof(path), "%s/%s", LD_PIN_DIR, de->d_name);
		snprintf(lpath, sizeof(lpath), "%s%s", path, LD_GUARD_LINK);
		fd = bpf_obj_get(path);
		if (fd < 0) {
			err = -errno;
			snprintf(why, whylen, "%s: %s", path, strerror(-err));
			break;
		}
		lfd = bpf_raw_tracepoint_open(NULL, fd);
		if (lfd < 0) {
			err = -errno;
			snprintf(why, whylen, "attaching guard %s: %s", de->d_name, strerror(-err));
		} else if (bpf_obj_pin(lfd, lpath) != 0) {
			err = -errno;
			snprintf(why, whylen, "pinning %s: %s", lpath, strerror(-err));
		} else {
			(*count)++;
		}
		if (lfd >= 0)
			close(lfd);
		close(fd);
	}
	closedir(d);
	if (!err && *count == 0) {
		snprintf(why, whylen, "no guard program is pinned under %s", LD_PIN_DIR);
		err = -ENOENT;
	}
	return err;
}

static void clear_trusted(const struct ld_pinned *p, const struct ld_seal_plan *plan)
{
	for (size_t i = 0; i < plan->ntrusted; i++)
		bpf_map_delete_elem(p->trusted, &plan->trusted[i]);
}

int ld_seal_commit(const struct ld_pinned *p, const struct ld_seal_plan *plan,
		   struct ld_apply_result *res, char *why, size_t whylen)
{
	struct ld_seal sl;
	struct ld_active a;
	__u32 progs[LD_SEAL_PROGS], zero = 0;
	size_t nprogs = 0;
	struct stat st;
	__u8 one = 1;
	int err;

	memset(&sl, 0, sizeof(sl));
	err = pin_mounts(&sl, why, whylen);
	if (err)
		return err;
	if (stat("/proc/self/ns/mnt", &st) != 0) {
		err = -errno;
		snprintf(why, whylen, "/proc/self/ns/mnt: %s", strerror(-err));
		return err;
	}
	sl.mntns = (__u32)st.st_ino;
	for (size_t i = 0; i < ld_pinned_count(); i++) {
		sl.map_id[i] = fd_id(ld_pinned_fd(p, i));
		if (!strcmp(ld_pinned_name(i), "events"))
			sl.events_id = sl.map_id[i];
	}
	err = our_progs(progs, &nprogs);
	if (err) {
		snprintf(why, whylen, "%s: %s", LD_PIN_DIR, strerror(-err));
		return err;
	}
	memcpy(sl.prog_id, progs, nprogs * sizeof(progs[0]));
	memcpy(sl.prot_dev, plan->prot_dev, sizeof(sl.prot_dev));
	sl.prot_any = plan->prot_any;
	sl.ntrusted = (__u32)plan->ntrusted;

	err = foreign_users(p, progs, nprogs, why, whylen);
	if (err)
		return err;
	for (size_t i = 0; i < plan->ntrusted; i++) {
		if (bpf_map_update_elem(p->trusted, &plan->trusted[i], &one, BPF_ANY) != 0) {
			err = -errno;
			snprintf(why, whylen, "writing the trusted files: %s", strerror(-err));
			clear_trusted(p, plan);
			return err;
		}
	}
	err = ld_pinned_active(p, &a);
	if (err) {
		snprintf(why, whylen, "reading the active generation: %s", strerror(-err));
		clear_trusted(p, plan);
		return err;
	}
	sl.set = a.gen & 1;
	if (bpf_map_update_elem(p->seal, &zero, &sl, BPF_ANY) != 0) {
		err = -errno;
		snprintf(why, whylen, "writing the seal table: %s", strerror(-err));
		clear_trusted(p, plan);
		return err;
	}
	err = attach_guards(&res->nguards, why, whylen);
	if (err) {
		detach_guards();
		clear_trusted(p, plan);
		return err;
	}
	/*
	 * Arm: `active.sealed` (the decision program withholds exemptions from traced and
	 * replaced executables; lockdown refuses to change anything), then `seal.armed` (the
	 * guards refuse). From the second write on nothing of the above can be undone.
	 */
	a.sealed = 1;
	a.sealed_ns = ld_sys_realtime_ns();
	sl.armed = 1;
	if (bpf_map_update_elem(p->active, &zero, &a, BPF_ANY) != 0 ||
	    bpf_map_update_elem(p->seal, &zero, &sl, BPF_ANY) != 0) {
		err = -errno;
		snprintf(why, whylen, "arming the seal: %s", strerror(-err));
		a.sealed = 0;
		bpf_map_update_elem(p->active, &zero, &a, BPF_ANY);
		detach_guards();
		clear_trusted(p, plan);
		return err;
	}
	res->sealed = true;
	res->ntrusted = (unsigned int)plan->ntrusted;
	for (size_t i = 0; i < ld_pinned_count(); i++) {
		if (!strcmp(ld_pinned_name(i), "events"))
			continue; /* its readers write their position */
		if (bpf_map_freeze(ld_pinned_fd(p, i)) != 0 && errno != EBUSY) {
			err = -errno;
			snprintf(why, whylen,
				 "sealed, but map %s could not be frozen (%s): its entries can "
				 "still be written from user space",
				 ld_pinned_name(i), strerror(-err));
			return err;
		}
	}
	return 0;
}
