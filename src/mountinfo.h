/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * /proc/self/mountinfo and the identity of a file as the kernel knows it. The one reader of
 * mountinfo: executables and cgroups of a policy, the seal's pins and snapshot, learn's
 * search for files, and the securityfs lookup all come here.
 *
 * A file's identity is (device, inode number), the device being its super block's s_dev in
 * the kernel's encoding (kdev.h): what the BPF programs read from a running executable.
 * stat()'s st_dev is another number on btrfs (each subvolume has an anonymous device) and
 * overlayfs (the layer's device), so the device comes from the file's mount: its id from
 * statx(STATX_MNT_ID) (5.8) or a file handle, its major:minor from mountinfo.
 */
#ifndef LD_MOUNTINFO_H
#define LD_MOUNTINFO_H

#include <linux/types.h>
#include <stddef.h>

#include "kdev.h"

struct ld_mount {
	unsigned long long id, parent;
	unsigned int major, minor; /* the super block's device */
	const char *root;	   /* octal escapes undone */
	const char *mountpoint;	   /* octal escapes undone */
	const char *fstype;
};

struct ld_mounts {
	struct ld_mount *m;
	size_t n;
	char *text; /* the strings above point into it */
};

/* mountinfo is read up to this size (a line per mount; thousands fit), refused beyond. */
#define LD_MOUNTINFO_MAX (16u << 20)

/* Read and parse path (NULL: /proc/self/mountinfo). 0, or -errno (-EINVAL: malformed). */
int ld_mounts_read(const char *path, struct ld_mounts *out);
/*
 * Parse len bytes of mountinfo text, NUL-terminated after them, taking ownership of the
 * malloc()ed text (freed on failure too). Any malformed line, a NUL byte or an escaped NUL
 * in a path makes it -EINVAL; else 0.
 */
int ld_mounts_parse(char *text, size_t len, struct ld_mounts *out);
void ld_mounts_free(struct ld_mounts *ms);
const struct ld_mount *ld_mounts_by_id(const struct ld_mounts *ms, unsigned long long id);
/* The first mount of file system type fstype ("cgroup2"), or NULL. */
const struct ld_mount *ld_mounts_by_fstype(const struct ld_mounts *ms, const char *fstype);

static inline __u64 ld_mount_kdev(const struct ld_mount *m)
{
	return ld_kdev(m->major, m->minor);
}

/* The device of mount mnt_id in the mountinfo file `path`. 0, -ENOENT (no such mount), -errno. */
int ld_mountinfo_dev(const char *path, unsigned long long mnt_id, __u64 *dev);

/* The id of the mount the file open at fd is on: statx, else a file handle; -errno if
 * neither can say (before 5.8, on a file system without file handles). */
int ld_fd_mount_id(int fd, unsigned long long *id);
/* The same for path (symbolic links followed). */
int ld_mount_id_of(const char *path, unsigned long long *id);

/*
 * The identity of the file open at fd, and its mode. ms is read on first use and again when
 * the mount is newer than it (start it zeroed, free it with ld_mounts_free()). Where the
 * mount cannot be found, stat()'s device stays: right on every file system whose files
 * report their super block's device (ext4, xfs, tmpfs, ...). 0 or -errno (from fstat()).
 */
int ld_fd_identity(struct ld_mounts *ms, int fd, __u64 *kdev, __u64 *ino, unsigned int *mode);
/* The same for path, symbolic links followed: one open file answers every question. */
int ld_path_identity(struct ld_mounts *ms, const char *path, __u64 *kdev, __u64 *ino,
		     unsigned int *mode);

#endif
