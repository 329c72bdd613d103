// SPDX-License-Identifier: GPL-2.0-only
/* /proc/self/mountinfo (see proc(5)): "ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTS [TAGS] - FS ..." */
#include "mountinfo.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
/* struct statx with stx_mnt_id: glibc 2.36's own struct statx lacks the field. */
#include <linux/stat.h>

#define LD_MOUNTINFO_MAX (16u << 20) /* far above any real table; refused beyond */

/* Undo the octal escapes (\040 for a space, \011, \012, \134) in place. */
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

/* The whole file: /proc files report no size, so read until EOF, bounded. */
static int slurp(const char *path, char **out)
{
	size_t len = 0, cap = 65536;
	char *buf = malloc(cap);
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || !buf) {
		int err = fd < 0 ? -errno : -ENOMEM;

		free(buf);
		if (fd >= 0)
			close(fd);
		return err;
	}
	for (;;) {
		ssize_t n;

		if (len + 1 >= cap) {
			char *nb = cap < LD_MOUNTINFO_MAX ? realloc(buf, cap * 2) : NULL;

			if (!nb) {
				free(buf);
				close(fd);
				return cap < LD_MOUNTINFO_MAX ? -ENOMEM : -EFBIG;
			}
			buf = nb;
			cap *= 2;
		}
		n = read(fd, buf + len, cap - len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int err = -errno;

			free(buf);
			close(fd);
			return err;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	buf[len] = '\0';
	*out = buf;
	return 0;
}

static int parse_line(char *line, struct ld_mount *m)
{
	char *f[6], *save = NULL, *sep, *tok;
	int n = 0;

	sep = strstr(line, " - ");
	if (!sep)
		return -EINVAL;
	*sep = '\0';
	for (tok = strtok_r(line, " ", &save); tok && n < 6; tok = strtok_r(NULL, " ", &save))
		f[n++] = tok;
	if (n < 6 || sscanf(f[0], "%d", &m->id) != 1 || sscanf(f[1], "%d", &m->parent) != 1 ||
	    sscanf(f[2], "%u:%u", &m->major, &m->minor) != 2)
		return -EINVAL;
	unescape_octal(f[3]);
	unescape_octal(f[4]);
	m->root = f[3];
	m->mountpoint = f[4];
	save = NULL;
	tok = strtok_r(sep + 3, " ", &save);
	m->fstype = tok ? tok : "";
	return 0;
}

int ld_mounts_read(const char *path, struct ld_mounts *out)
{
	char *text = NULL, *line, *save = NULL;
	size_t cap = 0;
	int err;

	memset(out, 0, sizeof(*out));
	err = slurp(path ? path : "/proc/self/mountinfo", &text);
	if (err)
		return err;
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

const struct ld_mount *ld_mounts_by_id(const struct ld_mounts *ms, int id)
{
	for (size_t i = 0; i < ms->n; i++)
		if (ms->m[i].id == id)
			return &ms->m[i];
	return NULL;
}

unsigned long long ld_mount_kdev(const struct ld_mount *m)
{
	return ((unsigned long long)m->major << 20) | (m->minor & 0xfffff);
}

int ld_mount_id_of(const char *path, int *id)
{
	struct statx stx;

	memset(&stx, 0, sizeof(stx));
	if (syscall(SYS_statx, AT_FDCWD, path, 0, STATX_MNT_ID, &stx) != 0)
		return -errno;
	if (!(stx.stx_mask & STATX_MNT_ID))
		return -EOPNOTSUPP; /* before 5.8 */
	*id = (int)stx.stx_mnt_id;
	return 0;
}

int ld_path_identity(struct ld_mounts *ms, const char *path, unsigned long long *kdev,
		     unsigned long long *ino, unsigned int *mode)
{
	const struct ld_mount *m;
	struct statx stx;
	int err;

	memset(&stx, 0, sizeof(stx));
	if (syscall(SYS_statx, AT_FDCWD, path, 0, STATX_TYPE | STATX_INO | STATX_MNT_ID, &stx) != 0)
		return -errno;
	*ino = stx.stx_ino;
	*mode = stx.stx_mode;
	if (!(stx.stx_mask & STATX_MNT_ID)) {
		/* Before 5.8: the device stat() reports, right except on btrfs and overlayfs. */
		*kdev = ((unsigned long long)stx.stx_dev_major << 20) |
			(stx.stx_dev_minor & 0xfffff);
		return 0;
	}
	if (!ms->m) {
		err = ld_mounts_read(NULL, ms);
		if (err)
			return err;
	}
	m = ld_mounts_by_id(ms, (int)stx.stx_mnt_id);
	if (!m) { /* mounted since the table was read */
		ld_mounts_free(ms);
		err = ld_mounts_read(NULL, ms);
		if (err)
			return err;
		m = ld_mounts_by_id(ms, (int)stx.stx_mnt_id);
		if (!m)
			return -ENOENT;
	}
	*kdev = ld_mount_kdev(m);
	return 0;
}
