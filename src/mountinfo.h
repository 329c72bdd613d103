/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * /proc/self/mountinfo, parsed once: every mount with its id, parent, device (the kernel's
 * sb->s_dev, which is what the BPF programs see), root, mount point and file system type.
 * The one reader of that file (subjects, the seal, securityfs lookup use it).
 */
#ifndef LD_MOUNTINFO_H
#define LD_MOUNTINFO_H

#include <stddef.h>

struct ld_mount {
	int id, parent;
	unsigned int major, minor;
	const char *root;	/* octal escapes undone */
	const char *mountpoint; /* octal escapes undone */
	const char *fstype;
};

struct ld_mounts {
	struct ld_mount *m;
	size_t n;
	char *text; /* the strings above point into it */
};

/* Read and parse path (NULL: /proc/self/mountinfo). 0, or -errno (-EINVAL: malformed). */
int ld_mounts_read(const char *path, struct ld_mounts *out);
void ld_mounts_free(struct ld_mounts *ms);
const struct ld_mount *ld_mounts_by_id(const struct ld_mounts *ms, int id);
/* The id of the mount holding path (statx STATX_MNT_ID, 5.8+; -EOPNOTSUPP before). */
int ld_mount_id_of(const char *path, int *id);
/*
 * A file's identity as the BPF programs see it: the device of the file system the kernel
 * holds it on (its mount's major:minor, which is sb->s_dev, not stat()'s st_dev: the two
 * differ on btrfs subvolumes and overlayfs) and its inode number; and its mode. Follows
 * symbolic links. ms is read on first use (start it zeroed, free it with ld_mounts_free).
 */
int ld_path_identity(struct ld_mounts *ms, const char *path, unsigned long long *kdev,
		     unsigned long long *ino, unsigned int *mode);
/* The kernel's encoding of a mount's device: major << 20 | minor. */
unsigned long long ld_mount_kdev(const struct ld_mount *m);

#endif
