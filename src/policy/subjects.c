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

/*
 * The device of mount MNT_ID as the kernel's super block has it (sb->s_dev, major:minor in
 * field 3 of mountinfo), in the kernel's encoding major << 20 | minor. 0, -ENOENT if no line
 * has that id, or -errno if the file cannot be read. Lines are read whole: a long mount point
 * cannot split a line into something that looks like another. (Fields 1 and 3 never hold
 * octal escapes; the paths that do are not read here.) Not static: the unit tests feed it
 * their own mountinfo files.
 */
int ld_mountinfo_dev(const char *mountinfo, unsigned long long mnt_id, __u64 *dev);
int ld_mountinfo_dev(const char *mountinfo, unsigned long long mnt_id, __u64 *dev)
{
	FILE *f = fopen(mountinfo, "re");
	char *line = NULL;
	size_t cap = 0;
	int ret = -ENOENT;

	if (!f)
		return -errno;
	while (getline(&line, &cap, f) > 0) {
		unsigned long long id, parent;
		unsigned int maj, min;
		int n = 0;

		if (sscanf(line, "%llu %llu %u:%u %n", &id, &parent, &maj, &min, &n) != 4 || !n ||
		    id != mnt_id)
			continue;
		*dev = ((__u64)maj << 20) | (__u64)min;
		ret = 0;
		break;
	}
	free(line);
	fclose(f);
	return ret;
}

/*
 * The mount id of the file open at fd: statx(STATX_MNT_ID) (Linux 5.8), else
 * name_to_handle_at(), which reports it on file systems that export file handles. -1 if
 * neither can say.
 */
static long long mount_id(int fd)
{
#ifdef STATX_MNT_ID
	struct statx stx;

	if (statx(fd, "", AT_EMPTY_PATH, STATX_MNT_ID, &stx) == 0 && (stx.stx_mask & STATX_MNT_ID))
		return (long long)stx.stx_mnt_id;
#endif
	{
		union {
			struct file_handle fh;
			char buf[sizeof(struct file_handle) + MAX_HANDLE_SZ];
		} h;
		int id;

		h.fh.handle_bytes = MAX_HANDLE_SZ;
		if (name_to_handle_at(fd, "", &h.fh, &id, AT_EMPTY_PATH) == 0)
			return id;
	}
	return -1;
}

int ld_exe_identity(const char *path, __u64 *dev, __u64 *ino, char *err, size_t errlen)
{
	struct stat st;
	long long mnt;
	int fd;

	if (path[0] != '/') {
		snprintf(err, errlen, "executable '%s': not an absolute path", path);
		return -EINVAL;
	}
	/* One open file for every question below: a path replaced in between cannot mix. */
	fd = open(path, O_PATH | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0) {
		int e = errno;

		if (fd >= 0)
			close(fd);
		snprintf(err, errlen, "executable '%s': %s", path,
			 e == ENOENT ? "no such file" : strerror(e));
		return -e;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		snprintf(err, errlen, "executable '%s': not a regular file", path);
		return -EINVAL;
	}
	/*
	 * The kernel side reads the running executable's inode->i_sb->s_dev. stat()'s st_dev is
	 * another number on btrfs (each subvolume has its own anonymous device) and overlayfs
	 * (the layer's device): the device is the super block's, found through the file's mount
	 * in /proc/self/mountinfo. Where the mount id cannot be had (no statx mount id, no file
	 * handles) or mountinfo cannot be read, stat()'s device stays: right on ext4, xfs, tmpfs
	 * and every other file system whose files report their super block's device.
	 */
	*dev = ((__u64)major(st.st_dev) << 20) | (__u64)minor(st.st_dev);
	*ino = (__u64)st.st_ino;
	mnt = mount_id(fd);
	close(fd);
	if (mnt >= 0)
		ld_mountinfo_dev("/proc/self/mountinfo", (unsigned long long)mnt, dev);
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
