// SPDX-License-Identifier: GPL-2.0-only
/* /proc/self/mountinfo (see proc(5)): "ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTS [TAGS] - FS ..." */
#include "mountinfo.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "util.h"
/* struct statx with stx_mnt_id: glibc 2.36's own struct statx lacks the field. */
#include <linux/stat.h>

/* Undo the octal escapes (\040 for a space, \011, \012, \134) in place; false for \000,
 * which the kernel never writes and which would cut the name short. */
static bool unescape_octal(char *s)
{
	char *o = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' &&
		    s[3] >= '0' && s[3] <= '7') {
			*o = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
			if (*o++ == '\0')
				return false;
			s += 3;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return true;
}

static int parse_line(char *line, struct ld_mount *m)
{
	char *f[6], *save = NULL, *sep, *tok, *end;
	int n = 0;

	sep = strstr(line, " - ");
	if (!sep)
		return -EINVAL;
	*sep = '\0';
	for (tok = strtok_r(line, " ", &save); tok && n < 6; tok = strtok_r(NULL, " ", &save))
		f[n++] = tok;
	if (n < 6)
		return -EINVAL;
	errno = 0;
	m->id = strtoull(f[0], &end, 10);
	if (*end || errno)
		return -EINVAL;
	m->parent = strtoull(f[1], &end, 10);
	if (*end || errno || sscanf(f[2], "%u:%u", &m->major, &m->minor) != 2)
		return -EINVAL;
	if (!unescape_octal(f[3]) || !unescape_octal(f[4]))
		return -EINVAL;
	m->root = f[3];
	m->mountpoint = f[4];
	save = NULL;
	tok = strtok_r(sep + 3, " ", &save);
	m->fstype = tok ? tok : "";
	return 0;
}

int ld_mounts_read(const char *path, struct ld_mounts *out)
{
	char *text;
	size_t len;
	int err;

	memset(out, 0, sizeof(*out));
	err = ld_read_file_alloc(path ? path : "/proc/self/mountinfo", LD_MOUNTINFO_MAX, &text,
				 &len);
	return err ? err : ld_mounts_parse(text, len, out);
}

int ld_mounts_parse(char *text, size_t len, struct ld_mounts *out)
{
	char *line, *save = NULL;
	size_t cap = 0;

	memset(out, 0, sizeof(*out));
	if (memchr(text, '\0', len)) {
		free(text);
		return -EINVAL;
	}
	out->text = text;
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (out->n == cap) {
			struct ld_mount *nm = realloc(out->m, (cap ? cap * 2 : 64) * sizeof(*nm));

			if (!nm) {
				ld_mounts_free(out);
				return -ENOMEM;
			}
			out->m = nm;
			cap = cap ? cap * 2 : 64;
		}
		if (parse_line(line, &out->m[out->n]) != 0) {
			ld_mounts_free(out);
			return -EINVAL;
		}
		out->n++;
	}
	return 0;
}

void ld_mounts_free(struct ld_mounts *ms)
{
	free(ms->m);
	free(ms->text);
	memset(ms, 0, sizeof(*ms));
}

const struct ld_mount *ld_mounts_by_id(const struct ld_mounts *ms, unsigned long long id)
{
	for (size_t i = 0; i < ms->n; i++)
		if (ms->m[i].id == id)
			return &ms->m[i];
	return NULL;
}

const struct ld_mount *ld_mounts_by_fstype(const struct ld_mounts *ms, const char *fstype)
{
	for (size_t i = 0; i < ms->n; i++)
		if (strcmp(ms->m[i].fstype, fstype) == 0)
			return &ms->m[i];
	return NULL;
}

int ld_mountinfo_dev(const char *path, unsigned long long mnt_id, __u64 *dev)
{
	struct ld_mounts ms;
	const struct ld_mount *m;
	int err = ld_mounts_read(path, &ms);

	if (err)
		return err;
	m = ld_mounts_by_id(&ms, mnt_id);
	if (m)
		*dev = ld_mount_kdev(m);
	ld_mounts_free(&ms);
	return m ? 0 : -ENOENT;
}

int ld_fd_mount_id(int fd, unsigned long long *id)
{
	union {
		struct file_handle fh;
		char buf[sizeof(struct file_handle) + MAX_HANDLE_SZ];
	} h;
	struct statx stx;
	int mnt;

	memset(&stx, 0, sizeof(stx));
	if (syscall(SYS_statx, fd, "", AT_EMPTY_PATH, STATX_MNT_ID, &stx) == 0 &&
	    (stx.stx_mask & STATX_MNT_ID)) {
		*id = stx.stx_mnt_id;
		return 0;
	}
	/* Before 5.8: file systems that export file handles report the mount id with them. */
	h.fh.handle_bytes = MAX_HANDLE_SZ;
	if (name_to_handle_at(fd, "", &h.fh, &mnt, AT_EMPTY_PATH) == 0) {
		*id = (unsigned long long)mnt;
		return 0;
	}
	return -EOPNOTSUPP;
}

int ld_mount_id_of(const char *path, unsigned long long *id)
{
	int fd = open(path, O_PATH | O_CLOEXEC), err;

	if (fd < 0)
		return -errno;
	err = ld_fd_mount_id(fd, id);
	close(fd);
	return err;
}

int ld_fd_identity(struct ld_mounts *ms, int fd, __u64 *kdev, __u64 *ino, unsigned int *mode)
{
	const struct ld_mount *m = NULL;
	unsigned long long id;
	struct stat st;

	if (fstat(fd, &st) != 0)
		return -errno;
	*kdev = ld_kdev_of(st.st_dev);
	*ino = (__u64)st.st_ino;
	*mode = st.st_mode;
	if (ld_fd_mount_id(fd, &id) != 0)
		return 0;
	if (ms->m)
		m = ld_mounts_by_id(ms, id);
	if (!m) { /* not read yet, or mounted since it was */
		ld_mounts_free(ms);
		if (ld_mounts_read(NULL, ms) == 0)
			m = ld_mounts_by_id(ms, id);
	}
	if (m)
		*kdev = ld_mount_kdev(m);
	return 0;
}

int ld_path_identity(struct ld_mounts *ms, const char *path, __u64 *kdev, __u64 *ino,
		     unsigned int *mode)
{
	int fd = open(path, O_PATH | O_CLOEXEC), err;

	if (fd < 0)
		return -errno;
	err = ld_fd_identity(ms, fd, kdev, ino, mode);
	close(fd);
	return err;
}
