// SPDX-License-Identifier: GPL-2.0-only
/* Reading the audit's inputs from the running system, or from the files and trees given. */
#include "audit/audit.h"
#include "enforcer/enforcer.h"
#include "mountinfo.h"
#include "policy/policy.h"
#include "reasons.h"
#include "util.h"

#include <bpf/bpf.h>
#include <errno.h>
#include <ftw.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#define CMDLINE_MAX 65536

static void unknown(struct ld_fact *f, const char *fmt, const char *arg)
{
	f->known = false;
	snprintf(f->why, sizeof(f->why), fmt, arg);
}

static void known(struct ld_fact *f, const char *value)
{
	f->known = true;
	snprintf(f->value, sizeof(f->value), "%s", value);
}

static bool is_boundary(char c)
{
	return !(c >= '0' && c <= '9');
}

bool ld_kconfig_version_matches(const char *cfgver, const char *release, const char *uversion)
{
	size_t n = strlen(cfgver);
	const char *p;

	if (n == 0)
		return false;
	if (strncmp(release, cfgver, n) == 0 && is_boundary(release[n]))
		return true;
	for (p = uversion ? strstr(uversion, cfgver) : NULL; p; p = strstr(p + 1, cfgver))
		if ((p == uversion || p[-1] == ' ') && is_boundary(p[n]))
			return true;
	return false;
}

/* Copy an explicitly given path; one that does not fit is an error, never cut short. */
static int given_path(char *dst, size_t len, const char *path, const char *opt)
{
	if (strlen(path) >= len) {
		ld_err("%s %.80s...: path too long (%zu characters; at most %zu)", opt, path,
		       strlen(path), len - 1);
		return -ENAMETOOLONG;
	}
	memcpy(dst, path, strlen(path) + 1);
	return 0;
}

/*
 * A directory given on the command line: it must exist, be a directory and, when inside is
 * set, hold that subdirectory (what makes it the tree it is meant to be).
 */
static int given_dir(char *dst, size_t len, const char *path, const char *opt, const char *inside,
		     const char *what)
{
	char sub[PATH_MAX];
	struct stat st;
	int ret = given_path(dst, len, path, opt);

	if (ret)
		return ret;
	if (stat(path, &st) != 0) {
		ret = -errno;
		ld_err("%s: %s (%s)", path, ld_errno_hint(-ret), opt);
		return ret;
	}
	if (!S_ISDIR(st.st_mode)) {
		ld_err("%s: not a directory (%s)", path, opt);
		return -ENOTDIR;
	}
	if (inside && (ld_path_join(sub, sizeof(sub), path, inside) != 0 || stat(sub, &st) != 0 ||
		       !S_ISDIR(st.st_mode))) {
		ld_err("%s: no %s/ in it: not %s (%s)", path, inside, what, opt);
		return -ENOENT;
	}
	return 0;
}

static int load_kconfig(const struct ld_audit_opts *o, struct ld_audit_input *in)
{
	char why[256], cand[4][128]; /* uname release: at most 64 characters */
	struct utsname u;
	int ret;

	if (o->kconfig) {
		in->kconfig_origin = "--kconfig";
		ret = given_path(in->kconfig_path, sizeof(in->kconfig_path), o->kconfig,
				 "--kconfig");
		if (ret)
			return ret;
		ret = ld_kconfig_load_want(&in->kconfig, o->kconfig, ld_audit_kconfig_wanted, why,
					   sizeof(why));
		if (ret) {
			ld_err("%s: %s (--kconfig)", o->kconfig, why);
			return ret;
		}
		in->have_kconfig = true;
		return 0;
	}
	if (o->offline) {
		snprintf(in->kconfig_why, sizeof(in->kconfig_why), "no --kconfig given (offline)");
		in->kconfig_excluded = true;
		return 0;
	}
	in->kconfig_origin = "search";
	uname(&u);
	snprintf(cand[0], sizeof(cand[0]), "/proc/config.gz");
	snprintf(cand[1], sizeof(cand[1]), "/boot/config-%.64s", u.release);
	snprintf(cand[2], sizeof(cand[2]), "/usr/lib/modules/%.64s/config", u.release);
	snprintf(cand[3], sizeof(cand[3]), "/lib/modules/%.64s/build/.config", u.release);
	for (int i = 0; i < 4; i++) {
		if (access(cand[i], F_OK) != 0)
			continue;
		snprintf(in->kconfig_path, sizeof(in->kconfig_path), "%s", cand[i]);
		ret = ld_kconfig_load_want(&in->kconfig, cand[i], ld_audit_kconfig_wanted, why,
					   sizeof(why));
		if (ret == 0) {
			in->have_kconfig = true;
			return 0;
		}
		ld_warn("%s: %s; trying the next place", cand[i], why);
		snprintf(in->kconfig_why, sizeof(in->kconfig_why), "%s: %s", cand[i], why);
	}
	if (!in->kconfig_path[0] || !in->have_kconfig) {
		in->kconfig_path[0] = '\0';
		if (!in->kconfig_why[0])
			snprintf(in->kconfig_why, sizeof(in->kconfig_why),
				 "no kernel config found (/proc/config.gz, /boot/config-%s, "
				 "/usr/lib/modules/%s/config)",
				 u.release, u.release);
	}
	return 0;
}

static int load_cmdline(const struct ld_audit_opts *o, struct ld_audit_input *in)
{
	const char *path = o->cmdline ? o->cmdline : o->offline ? NULL : "/proc/cmdline";
	char *buf;
	long n;
	int ret;

	if (!path) {
		snprintf(in->cmdline_why, sizeof(in->cmdline_why), "no --cmdline given (offline)");
		in->cmdline_excluded = true;
		return 0;
	}
	if (o->cmdline) {
		ret = given_path(in->cmdline_path, sizeof(in->cmdline_path), path, "--cmdline");
		if (ret)
			return ret;
	} else {
		snprintf(in->cmdline_path, sizeof(in->cmdline_path), "%s", path);
	}
	buf = malloc(CMDLINE_MAX);
	if (!buf)
		return -ENOMEM;
	n = ld_read_file(path, buf, CMDLINE_MAX);
	if (n >= 0 && memchr(buf, '\0', (size_t)n))
		n = -EINVAL;
	if (n < 0) {
		snprintf(in->cmdline_why, sizeof(in->cmdline_why), "%s: %s", path,
			 n == -EINVAL  ? "binary content"
			 : n == -EFBIG ? "too long for a command line"
				       : ld_errno_hint((int)-n));
		free(buf);
		in->cmdline_path[0] = '\0';
		if (o->cmdline) {
			ld_err("%s (--cmdline)", in->cmdline_why);
			return (int)n;
		}
		return 0;
	}
	ret = ld_cmdline_parse(&in->cmdline, buf);
	free(buf);
	if (ret)
		return ret;
	in->have_cmdline = true;
	return 0;
}

static int read_securityfs(const struct ld_audit_opts *o, struct ld_audit_input *in)
{
	struct ld_securityfs fs;
	struct ld_lsm_list lsms;
	enum ld_level level;
	char why[512], buf[512];
	int ret;
	long n;

	if (!o->securityfs && o->offline) {
		unknown(&in->lockdown, "%s", "no --securityfs given (offline)");
		unknown(&in->lsm, "%s", "no --securityfs given (offline)");
		in->lockdown.excluded = in->lsm.excluded = true;
		return 0;
	}
	if (o->securityfs) {
		ret = given_dir(in->securityfs_dir, sizeof(in->securityfs_dir), o->securityfs,
				"--securityfs", NULL, NULL);
		if (ret)
			return ret;
	} else if (ld_securityfs_find(&fs, false, why, sizeof(why)) == 0) {
		snprintf(in->securityfs_dir, sizeof(in->securityfs_dir), "%s", fs.dir);
	} else {
		unknown(&in->lockdown, "%.250s", why);
		unknown(&in->lsm, "%.250s", why);
		return 0;
	}
	if (ld_path_join(in->lockdown.path, sizeof(in->lockdown.path), in->securityfs_dir,
			 "lockdown") != 0 ||
	    ld_path_join(in->lsm.path, sizeof(in->lsm.path), in->securityfs_dir, "lsm") != 0) {
		ld_err("%s: path too long (--securityfs)", in->securityfs_dir);
		return -ENAMETOOLONG;
	}
	ret = ld_read_level_file(in->lockdown.path, &level);
	if (ret == 0)
		known(&in->lockdown, ld_level_name(level));
	else
		unknown(&in->lockdown, "%s",
			ret == -ENOENT ? "securityfs has no lockdown file (lockdown LSM not built)"
			: ret == -EINVAL ? "unexpected content in securityfs lockdown"
					 : ld_errno_hint(-ret));

	n = ld_read_file(in->lsm.path, buf, sizeof(buf));
	if (n >= 0 && ld_parse_lsm_list(buf, &lsms) == 0) {
		known(&in->lsm, ld_rstrip(buf));
	} else {
		unknown(&in->lsm, "%s",
			n < 0 ? ld_errno_hint((int)-n) : "unexpected content in securityfs lsm");
	}
	return 0;
}

/* An EFI variable from a sysfs tree given on the command line. */
static void read_efivar_tree(const char *root, const char *name, const char *guid,
			     struct ld_fact *f)
{
	char path[PATH_MAX], rel[160], buf[64];
	struct stat st;
	uint8_t v;
	long n;

	if (ld_path_join(path, sizeof(path), root, "firmware/efi") != 0) {
		unknown(f, "%s", "path too long");
		return;
	}
	if (stat(path, &st) != 0) {
		if (strcmp(name, "SecureBoot") == 0)
			known(f, "not-efi");
		else
			unknown(f, "%s", "not an EFI boot");
		return;
	}
	snprintf(rel, sizeof(rel), "firmware/efi/efivars/%s-%s", name, guid);
	if (ld_path_join(f->path, sizeof(f->path), root, rel) != 0) {
		unknown(f, "%s", "path too long");
		return;
	}
	n = ld_read_file(f->path, buf, sizeof(buf));
	if (n < 0) {
		if (n == -ENOENT)
			known(f, "absent");
		else
			unknown(f, "%s",
				n == -EFBIG ? "too large for a boolean variable"
					    : ld_errno_hint((int)-n));
		return;
	}
	if (ld_parse_efivar_u8((const uint8_t *)buf, (size_t)n, &v) != 0) {
		unknown(f, "EFI variable %s is malformed", name);
		return;
	}
	snprintf(f->value, sizeof(f->value), "%u", v);
	f->known = true;
}

static void read_efivar_sys(const char *name, const char *guid, struct ld_fact *f)
{
	uint8_t v = 0;
	int err = 0;

	switch (ld_read_efivar_u8(name, guid, &v, &err)) {
	case LD_EFIVAR_OK:
		snprintf(f->value, sizeof(f->value), "%u", v);
		f->known = true;
		return;
	case LD_EFIVAR_NOT_EFI:
		if (strcmp(name, "SecureBoot") == 0)
			known(f, "not-efi");
		else
			unknown(f, "%s", "not an EFI boot");
		return;
	case LD_EFIVAR_NO_EFIVARFS:
		unknown(f, "%s", "efivarfs is not mounted on /sys/firmware/efi/efivars");
		return;
	case LD_EFIVAR_ABSENT:
		known(f, "absent");
		return;
	case LD_EFIVAR_ERROR:
		unknown(f, "%s", err == EINVAL ? "malformed" : ld_errno_hint(err));
		return;
	}
}

static int read_sysfs(const struct ld_audit_opts *o, struct ld_audit_input *in)
{
	static const struct {
		const char *name, *guid;
		size_t off;
	} vars[] = {
		{ "SecureBoot", LD_EFI_GLOBAL_GUID, offsetof(struct ld_audit_input, secure_boot) },
		{ "SetupMode", LD_EFI_GLOBAL_GUID, offsetof(struct ld_audit_input, setup_mode) },
		{ "MokSBStateRT", LD_EFI_SHIM_GUID, offsetof(struct ld_audit_input, moksbstate) },
	};
	const char *root = o->sysfs_root ? o->sysfs_root : o->offline ? NULL : "/sys";
	int sig;

	if (!root) {
		unknown(&in->sig_enforce, "%s", "no --sysfs-root given (offline)");
		in->sig_enforce.excluded = true;
		for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
			struct ld_fact *f = (struct ld_fact *)((char *)in + vars[i].off);

			unknown(f, "%s", "no --sysfs-root given (offline)");
			f->excluded = true;
		}
		return 0;
	}
	if (o->sysfs_root) {
		int ret = given_dir(in->sysfs_dir, sizeof(in->sysfs_dir), root, "--sysfs-root",
				    "module", "a sysfs tree");

		if (ret)
			return ret;
	} else {
		snprintf(in->sysfs_dir, sizeof(in->sysfs_dir), "%s", root);
	}
	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		struct ld_fact *f = (struct ld_fact *)((char *)in + vars[i].off);

		if (o->sysfs_root)
			read_efivar_tree(root, vars[i].name, vars[i].guid, f);
		else
			read_efivar_sys(vars[i].name, vars[i].guid, f);
	}
	if (ld_path_join(in->sig_enforce.path, sizeof(in->sig_enforce.path), root,
			 "module/module/parameters/sig_enforce") != 0) {
		ld_err("%s: path too long (--sysfs-root)", root);
		return -ENAMETOOLONG;
	}
	sig = ld_read_sig_enforce(in->sig_enforce.path);
	if (sig >= 0)
		known(&in->sig_enforce, sig ? "Y" : "N");
	else
		unknown(&in->sig_enforce, "%s",
			sig == -ENOENT	 ? "absent (kernel built without CONFIG_MODULE_SIG)"
			: sig == -EINVAL ? "unexpected content"
					 : ld_errno_hint(-sig));
	return 0;
}

/* The architecture: the config's header, else its options, else (live) uname. */
static void find_arch(struct ld_audit_input *in, const char *machine)
{
	const char *a = NULL;

	if (in->have_kconfig && in->kconfig.arch[0]) {
		a = ld_audit_arch_name(in->kconfig.arch);
		in->arch_origin = "from the config's header";
	} else if (in->have_kconfig && (ld_kconfig_get(&in->kconfig, "X86_64") ||
					ld_kconfig_get(&in->kconfig, "X86_32"))) {
		a = "x86";
		in->arch_origin = "from the config";
	} else if (in->have_kconfig && ld_kconfig_get(&in->kconfig, "ARM64")) {
		a = "arm64";
		in->arch_origin = "from the config";
	} else if (machine) {
		a = ld_audit_arch_name(machine);
		in->arch_origin = "from uname";
	}
	if (a)
		snprintf(in->arch, sizeof(in->arch), "%s", a);
}

/* Module support, from /proc/modules (absent: the kernel was built without modules). */
static void read_modules(const struct ld_audit_opts *o, struct ld_audit_input *in)
{
	char buf[4096], num[32];
	unsigned long count = 0;
	struct stat st;
	ssize_t n;
	FILE *f;

	if (o->offline) {
		unknown(&in->modules, "%s", "offline");
		in->modules.excluded = true;
		return;
	}
	snprintf(in->modules.path, sizeof(in->modules.path), "/proc/modules");
	f = fopen("/proc/modules", "re");
	if (!f) {
		if (errno == ENOENT && stat("/proc/self", &st) == 0)
			known(&in->modules, "absent");
		else
			unknown(&in->modules, "/proc/modules: %s", ld_errno_hint(errno));
		return;
	}
	while ((n = (ssize_t)fread(buf, 1, sizeof(buf), f)) > 0)
		for (ssize_t i = 0; i < n; i++)
			count += buf[i] == '\n';
	fclose(f);
	snprintf(num, sizeof(num), "%lu loaded", count);
	known(&in->modules, num);
}

/* Where a file of identity (dev, ino) is, looked for where modules and kernel images are. */
static struct ld_mounts obj_mounts;
static __u64 obj_dev, obj_ino;
static char obj_found[PATH_MAX];

static int obj_walk(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	__u64 d, i;
	unsigned int mode;
	(void)ftw;

	if (type != FTW_F || (__u64)st->st_ino != obj_ino ||
	    ld_path_identity(&obj_mounts, path, &d, &i, &mode) != 0 || d != obj_dev || i != obj_ino)
		return 0;
	snprintf(obj_found, sizeof(obj_found), "%s", path);
	return 1;
}

static void object_path(unsigned int kind, __u64 dev, __u64 ino, char *out, size_t len)
{
	static const char *const dirs[] = { "/lib/modules", "/usr/lib/modules", "/boot" };

	obj_dev = dev;
	obj_ino = ino;
	for (size_t i = kind == LD_OBJ_KEXEC ? 2 : 0; i < (kind == LD_OBJ_KEXEC ? 3u : 2u); i++)
		if (nftw(dirs[i], obj_walk, 16, FTW_PHYS) == 1) {
			snprintf(out, len, "%s", obj_found);
			return;
		}
	snprintf(out, len, "%u:%u:%llu", (unsigned int)(dev >> 20), (unsigned int)(dev & 0xfffff),
		 (unsigned long long)ino);
}

/*
 * The files of the object rules in force (generation set) for the reasons denied to every
 * task but to them: "module_signature: /lib/modules/.../zfs.ko ...; kexec: ...", each file
 * by its path where modules and kernel images are, else by its identity.
 */
static void enforcer_objects(const struct ld_pinned *p, __u32 set, const struct ld_policy *pol,
			     const struct ld_reasons *rs, struct ld_fact *out)
{
	struct ld_obj_key k, next, *cur = NULL;
	bool objrule[LD_RULES] = { false };
	char list[512] = "";
	size_t off = 0;
	__u32 rule;

	while (bpf_map_get_next_key(p->objects, cur, &next) == 0) {
		k = next;
		cur = &k;
		if (k.gen == set && bpf_map_lookup_elem(p->objects, &k, &rule) == 0 &&
		    rule < LD_RULES)
			objrule[rule] = true;
	}
	if (ld_mounts_read(NULL, &obj_mounts) != 0)
		obj_mounts.n = 0;
	for (unsigned int kind = 1; kind < LD_OBJ_KINDS; kind++) {
		const struct ld_reason *r =
			ld_reason_by_name(rs, kind == LD_OBJ_MODULE ? "module_signature" : "kexec");
		bool only_objects = r && r->number < LD_REASONS && pol->mode == LD_MODE_ENFORCE,
		     any = false;

		for (unsigned int i = 0; only_objects && i < pol->nrules && i < LD_RULES; i++) {
			if (pol->action[i][r->number] == LD_ACT_DENY)
				continue;
			only_objects = objrule[i] && i != 0 && i != pol->host_rule;
			any = true;
		}
		if (!only_objects || !any)
			continue;
		off += (size_t)snprintf(list + off, off < sizeof(list) ? sizeof(list) - off : 0,
					"%s%s:", off ? "; " : "", r->name);
		cur = NULL;
		while (off < sizeof(list) && bpf_map_get_next_key(p->objects, cur, &next) == 0) {
			char path[PATH_MAX];

			k = next;
			cur = &k;
			if (k.gen != set || k.kind != kind)
				continue;
			object_path(kind, k.dev, k.ino, path, sizeof(path));
			if (!strstr(list, path))
				off += (size_t)snprintf(list + off, sizeof(list) - off, " %s",
							path);
		}
	}
	ld_mounts_free(&obj_mounts);
	known(out, list);
}

/*
 * This project's enforcer: loaded, sealed, and which reasons its policy in force denies to
 * every task (every rule of the policy says deny, and the mode is enforce), or to every task
 * but for the files of Module= and Kexec= rules.
 */
static void read_enforcer(const struct ld_audit_opts *o, struct ld_audit_input *in)
{
	struct ld_pinned p;
	struct ld_active a;
	struct ld_policy *pol = NULL;
	struct ld_reasons *rs = NULL;
	char why[256], list[512];
	struct stat st;
	int err;

	if (o->offline) {
		unknown(&in->enforcer, "%s", "offline");
		in->enforcer.excluded = true;
		unknown(&in->enforcer_denies, "%s", "offline");
		in->enforcer_denies.excluded = true;
		unknown(&in->enforcer_objects, "%s", "offline");
		in->enforcer_objects.excluded = true;
		return;
	}
	snprintf(in->enforcer.path, sizeof(in->enforcer.path), "%s", LD_PIN_DIR);
	if (stat(LD_PIN_DIR, &st) != 0 && errno == ENOENT) {
		known(&in->enforcer, "absent");
		unknown(&in->enforcer_denies, "%s", "no enforcer");
		return;
	}
	err = ld_pinned_open(&p, LD_PIN_READ, why, sizeof(why));
	if (err == -ENOENT) {
		known(&in->enforcer, "absent");
		unknown(&in->enforcer_denies, "%s", "no enforcer");
		return;
	}
	if (err) {
		unknown(&in->enforcer, "%.200s", why);
		unknown(&in->enforcer_denies, "%.200s", why);
		return;
	}
	pol = calloc(1, sizeof(*pol));
	rs = calloc(1, sizeof(*rs));
	if (!pol || !rs || ld_pinned_active(&p, &a) != 0) {
		unknown(&in->enforcer, "%s", "cannot read the enforcer's active table");
		unknown(&in->enforcer_denies, "%s", "cannot read the enforcer's active table");
		goto out;
	}
	known(&in->enforcer, a.sealed ? "sealed" : "loaded");
	if (ld_pinned_policy(&p, a.gen & 1, pol) != 0) {
		unknown(&in->enforcer_denies, "%s", "cannot read the policy in force");
		goto out;
	}
	if (ld_reasons_load(NULL, rs, why, sizeof(why)) != 0) {
		unknown(&in->enforcer_denies, "reasons unknown: %.200s", why);
		goto out;
	}
	list[0] = '\0';
	if (pol->mode == LD_MODE_ENFORCE) {
		for (unsigned int r = 0; r < LD_REASONS; r++) {
			const struct ld_reason *rr = ld_reason_by_number(rs, r);
			bool all = pol->nrules > 0;
			size_t off = strlen(list);

			for (unsigned int i = 0; all && i < pol->nrules && i < LD_RULES; i++)
				all = pol->action[i][r] == LD_ACT_DENY;
			if (all && rr && off + strlen(rr->name) + 2 < sizeof(list))
				snprintf(list + off, sizeof(list) - off, "%s%s", off ? "," : "",
					 rr->name);
		}
	}
	known(&in->enforcer_denies, list);
	enforcer_objects(&p, a.gen & 1, pol, rs, &in->enforcer_objects);
out:
	free(pol);
	free(rs);
	ld_pinned_close(&p);
}

int ld_audit_gather(const struct ld_audit_opts *o, struct ld_audit_input *in)
{
	struct utsname u;
	int ret;

	memset(in, 0, sizeof(*in));
	/* No evidence, no verdict: an offline audit of nothing would only say "unknown". */
	if (o->offline && !o->kconfig && !o->cmdline && !o->sysctl_root && !o->securityfs &&
	    !o->sysfs_root) {
		ld_err("audit: --offline with nothing to read: give --kconfig, --cmdline, "
		       "--sysctl-root, --securityfs or --sysfs-root");
		return -ENODATA;
	}
	in->offline = o->offline;
	in->version_match = -1;
	if (!o->offline && uname(&u) == 0)
		snprintf(in->running, sizeof(in->running), "%s", u.release);

	ret = load_kconfig(o, in);
	if (ret)
		goto fail;
	if (in->have_kconfig && in->running[0] && in->kconfig.version[0])
		in->version_match =
			ld_kconfig_version_matches(in->kconfig.version, u.release, u.version);
	in->kver = in->have_kconfig ? in->kconfig.kver : 0;
	if (!in->kver && in->running[0])
		in->kver = ld_kver_parse(in->running);

	ret = load_cmdline(o, in);
	if (ret)
		goto fail;

	if (o->sysctl_root) {
		ret = given_dir(in->sysctl_dir, sizeof(in->sysctl_dir), o->sysctl_root,
				"--sysctl-root", "kernel", "a sysctl tree");
		if (ret)
			goto fail;
	} else if (!o->offline) {
		snprintf(in->sysctl_dir, sizeof(in->sysctl_dir), "/proc/sys");
	}
	if (in->sysctl_dir[0])
		in->sysctl_root = in->sysctl_dir;
	else {
		snprintf(in->sysctl_why, sizeof(in->sysctl_why),
			 "no --sysctl-root given (offline)");
		in->sysctl_excluded = true;
	}

	ret = read_securityfs(o, in);
	if (ret)
		goto fail;
	ret = read_sysfs(o, in);
	if (ret)
		goto fail;
	read_modules(o, in);
	read_enforcer(o, in);
	find_arch(in, in->running[0] ? u.machine : NULL);
	return 0;
fail:
	ld_audit_input_free(in);
	return ret;
}
