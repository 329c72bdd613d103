/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Device numbers as the kernel encodes them inside (dev_t of include/linux/kdev_t.h:
 * major << 20 | minor), which is what the BPF programs read from a super block's s_dev and
 * what the maps and events hold. glibc's dev_t (stat()'s st_dev) is another encoding.
 */
#ifndef LD_KDEV_H
#define LD_KDEV_H

#include <linux/types.h>
#include <sys/sysmacros.h>
#include <sys/types.h>

#define LD_KDEV_MINORBITS 20

static inline __u64 ld_kdev(unsigned int major, unsigned int minor)
{
	return ((__u64)major << LD_KDEV_MINORBITS) | (minor & ((1u << LD_KDEV_MINORBITS) - 1));
}

/* glibc's dev_t to the kernel's encoding. */
static inline __u64 ld_kdev_of(dev_t dev)
{
	return ld_kdev(major(dev), minor(dev));
}

static inline unsigned int ld_kdev_major(__u64 kdev)
{
	return (unsigned int)(kdev >> LD_KDEV_MINORBITS);
}

static inline unsigned int ld_kdev_minor(__u64 kdev)
{
	return (unsigned int)(kdev & ((1u << LD_KDEV_MINORBITS) - 1));
}

#endif
