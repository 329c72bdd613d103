// SPDX-License-Identifier: GPL-2.0-only
/*
 * Subjects: how a path, a cgroup or a user name in a policy becomes the key the BPF program
 * finds at run time. Shared by the compiler and `lockdown explain`, so both see the same
 * identity for the same path.
 */
#include "policy.h"
#include "mountinfo.h"

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
	struct ld_mounts ms = { 0 };
	unsigned int mode = 0;
	int fd, e;

	if (path[0] != '/') {
		snprintf(err, errlen, "executable '%s': not an absolute path", path);
		return -EINVAL;
	}
	/* One open file for every question: a path replaced in between cannot mix answers. */
	fd = open(path, O_PATH | O_CLOEXEC);
	e = fd < 0 ? -errno : ld_fd_identity(&ms, fd, dev, ino, &mode);
	if (fd >= 0)
		close(fd);
	ld_mounts_free(&ms);
	if (e) {
		snprintf(err, errlen, "executable '%s': %s", path,
			 e == -ENOENT ? "no such file" : strerror(-e));
		return e;
	}
	if (!S_ISREG(mode)) {
		snprintf(err, errlen, "executable '%s': not a regular file", path);
		return -EINVAL;
	}
	return 0;
}

/* The first cgroup2 mount point; /sys/fs/cgroup if mountinfo names none. */
static void cgroup2_mount(char *out, size_t len)
{
	struct ld_mounts ms;
	const struct ld_mount *m;

	snprintf(out, len, "/sys/fs/cgroup");
	if (ld_mounts_read(NULL, &ms) != 0)
		return;
	m = ld_mounts_by_fstype(&ms, "cgroup2");
	if (m)
		snprintf(out, len, "%s", m->mountpoint);
	ld_mounts_free(&ms);
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
