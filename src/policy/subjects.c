// SPDX-License-Identifier: GPL-2.0-only
/*
 * Subjects: how a path, a cgroup or a user name in a policy becomes the key the BPF program
 * finds at run time. Shared by the compiler and `lockdown explain`, so both see the same
 * identity for the same path.
 */
#include "policy.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#ifndef CGROUP2_SUPER_MAGIC
#define CGROUP2_SUPER_MAGIC 0x63677270
#endif

int ld_exe_identity(const char *path, __u64 *dev, __u64 *ino, char *err, size_t errlen)
{
	struct stat st;

	if (path[0] != '/') {
		snprintf(err, errlen, "executable '%s': not an absolute path", path);
		return -EINVAL;
	}
	if (stat(path, &st) != 0) {
		int e = errno;

		snprintf(err, errlen, "executable '%s': %s", path,
			 e == ENOENT ? "no such file" : strerror(e));
		return -e;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "executable '%s': not a regular file", path);
		return -EINVAL;
	}
	/* The kernel's sb->s_dev is MKDEV(major, minor) = major << 20 | minor. */
	*dev = ((__u64)major(st.st_dev) << 20) | (__u64)minor(st.st_dev);
	*ino = (__u64)st.st_ino;
	return 0;
}

/* Undo mountinfo's octal escapes (\040 for a space) in place. */
static void unescape_octal(char *s)
{
	char *o = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' &&
		    s[3] >= '0' && s[3] <= '7') {
			*o++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
			s += 3;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
}

/* The first cgroup2 mount point in /proc/self/mountinfo; /sys/fs/cgroup if none is found. */
static void cgroup2_mount(char *out, size_t len)
{
	FILE *f = fopen("/proc/self/mountinfo", "re");
	char line[4096];

	snprintf(out, len, "/sys/fs/cgroup");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		char *sep = strstr(line, " - ");
		char *save = NULL, *tok;
		char *mnt = NULL;
		int field = 0;

		if (!sep || strncmp(sep + 3, "cgroup2 ", 8) != 0)
			continue;
		*sep = '\0';
		for (tok = strtok_r(line, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
			if (++field == 5)
				mnt = tok;
		if (mnt) {
			unescape_octal(mnt);
			snprintf(out, len, "%s", mnt);
			break;
		}
	}
	fclose(f);
}

static bool has_dotdot(const char *p)
{
	const char *s = p;

	while ((s = strstr(s, "..")) != NULL) {
		if ((s == p || s[-1] == '/') && (s[2] == '\0' || s[2] == '/'))
			return true;
		s += 2;
	}
	return false;
}

int ld_cgroup_identity(const char *path, const char *root, __u64 *id, char *full, size_t fulllen,
		       char *err, size_t errlen)
{
	char rootbuf[1024], dir[1280];
	bool own_root = root == NULL;
	size_t rl;
	struct stat st;
	struct statfs sf;

	if (!path[0]) {
		snprintf(err, errlen, "empty cgroup path");
		return -EINVAL;
	}
	if (has_dotdot(path)) {
		snprintf(err, errlen, "cgroup '%s': '..' is not allowed", path);
		return -EINVAL;
	}
	if (!root) {
		cgroup2_mount(rootbuf, sizeof(rootbuf));
		root = rootbuf;
	}
	rl = strlen(root);
	while (rl > 1 && root[rl - 1] == '/')
		rl--;
	if (path[0] == '/' && strncmp(path, root, rl) == 0 && (path[rl] == '/' || !path[rl])) {
		snprintf(dir, sizeof(dir), "%s", path);
	} else {
		const char *rel = path;

		while (*rel == '/')
			rel++;
		snprintf(dir, sizeof(dir), "%.*s%s%s", (int)rl, root, *rel ? "/" : "", rel);
	}
	if (full)
		snprintf(full, fulllen, "%s", dir);
	if (stat(dir, &st) != 0) {
		int e = errno;

		snprintf(err, errlen, "cgroup '%s': %s (looked for %s)", path,
			 e == ENOENT ? "no such cgroup" : strerror(e), dir);
		return -e;
	}
	if (!S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "cgroup '%s': %s is not a directory", path, dir);
		return -ENOTDIR;
	}
	if (statfs(dir, &sf) == 0 && sf.f_type == CGROUP2_SUPER_MAGIC) {
		/* The kernfs file handle is the 64-bit cgroup id (the inode number on 64-bit). */
		union {
			struct file_handle fh;
			char buf[sizeof(struct file_handle) + 16];
		} h;
		int mount_id;

		h.fh.handle_bytes = 16;
		if (name_to_handle_at(AT_FDCWD, dir, &h.fh, &mount_id, 0) == 0 &&
		    h.fh.handle_bytes == 8) {
			memcpy(id, h.fh.f_handle, 8);
			return 0;
		}
	} else if (own_root) {
		snprintf(err, errlen, "cgroup '%s': %s is not on a cgroup v2 file system", path,
			 dir);
		return -EINVAL;
	}
	*id = (__u64)st.st_ino;
	return 0;
}

int ld_uid_identity(const char *name, const char *passwd, __u32 *uid, char *err, size_t errlen)
{
	struct passwd *pw;
	FILE *f;

	if (name[0] >= '0' && name[0] <= '9') {
		char *end;
		unsigned long v;

		errno = 0;
		v = strtoul(name, &end, 10);
		if (*end || errno || v >= 0xffffffffUL) {
			snprintf(err, errlen, "user '%s': not a valid uid", name);
			return -EINVAL;
		}
		*uid = (__u32)v;
		return 0;
	}
	f = fopen(passwd ? passwd : "/etc/passwd", "re");
	if (f) {
		while ((pw = fgetpwent(f)) != NULL) {
			if (strcmp(pw->pw_name, name) == 0) {
				*uid = (__u32)pw->pw_uid;
				fclose(f);
				return 0;
			}
		}
		fclose(f);
	}
	if (!passwd) {
		pw = getpwnam(name);
		if (pw) {
			*uid = (__u32)pw->pw_uid;
			return 0;
		}
	}
	snprintf(err, errlen, "user '%s': no such user", name);
	return -ENOENT;
}
