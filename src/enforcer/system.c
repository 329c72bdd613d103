// SPDX-License-Identifier: GPL-2.0-only
/* What the loader asks of the running system (see loader.h). */
#include "loader.h"
#include "util.h"

#include <bpf/btf.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifndef CAP_PERFMON
#define CAP_PERFMON 38
#endif
#ifndef CAP_BPF
#define CAP_BPF 39
#endif

static bool have_cap(int cap)
{
	struct __user_cap_header_struct h = { .version = _LINUX_CAPABILITY_VERSION_3, .pid = 0 };
	struct __user_cap_data_struct d[2];

	if (syscall(SYS_capget, &h, d) != 0)
		return false;
	return d[cap / 32].effective & (1u << (cap % 32));
}

bool ld_sys_privileged(void)
{
	return have_cap(CAP_SYS_ADMIN) || (have_cap(CAP_BPF) && have_cap(CAP_PERFMON));
}

const char *ld_sys_perm_hint(void)
{
	if (!ld_sys_privileged())
		return "this process lacks CAP_SYS_ADMIN (or CAP_BPF and CAP_PERFMON): run as root";
	return "the process has CAP_SYS_ADMIN, so this kernel or a sandbox around it forbids "
	       "BPF LSM programs";
}

void ld_sys_raise_memlock(void)
{
	struct rlimit r = { RLIM_INFINITY, RLIM_INFINITY };

	if (setrlimit(RLIMIT_MEMLOCK, &r) != 0) {
		/* Without CAP_SYS_RESOURCE: as high as the hard limit allows. */
		if (getrlimit(RLIMIT_MEMLOCK, &r) == 0) {
			r.rlim_cur = r.rlim_max;
			setrlimit(RLIMIT_MEMLOCK, &r);
		}
	}
}

/* Memory-cgroup accounting of BPF memory (5.11+) came with bpf_ktime_get_coarse_ns(). */
bool ld_sys_memcg_accounting(void)
{
	return libbpf_probe_bpf_helper(BPF_PROG_TYPE_SOCKET_FILTER, BPF_FUNC_ktime_get_coarse_ns,
				       NULL) == 1;
}

__u64 ld_sys_realtime_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (__u64)ts.tv_sec * 1000000000ULL + (__u64)ts.tv_nsec;
}

/* Jiffies per second: the coarse clocks tick once per jiffy (their resolution is 1/HZ). */
__u32 ld_sys_kernel_hz(void)
{
	struct timespec res;

	if (clock_getres(CLOCK_MONOTONIC_COARSE, &res) != 0 || res.tv_sec || !res.tv_nsec)
		return 1000; /* the highest HZ: a window of at least one second */
	return (__u32)((1000000000L + res.tv_nsec / 2) / res.tv_nsec);
}

/*
 * The BPF file system on /sys/fs/bpf, where pins live: mounted by systemd at boot; mounted
 * here when it is not (as systemd would), so that enforcement does not depend on the init.
 */
int ld_sys_ensure_bpffs(char *why, size_t whylen)
{
	struct statfs sf;
	int err;

	if (statfs(LD_BPF_FS, &sf) != 0) {
		err = errno;
		snprintf(why, whylen,
			 "%s: %s (sysfs not mounted on /sys, or a kernel without "
			 "CONFIG_BPF_SYSCALL)",
			 LD_BPF_FS, strerror(err));
		return -err;
	}
	if ((unsigned long)sf.f_type == LD_BPF_FS_MAGIC)
		return 0;
	if (mount("bpf", LD_BPF_FS, "bpf", MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=0700") != 0) {
		err = errno;
		snprintf(why, whylen,
			 "the BPF file system is not mounted on %s and mounting it failed (%s): "
			 "mount it with 'mount -t bpf bpf %s' and apply again",
			 LD_BPF_FS, strerror(err), LD_BPF_FS);
		return -err;
	}
	return 0;
}

/* BPF LSM must be in the active LSM list, or the program would attach and never run. */
int ld_sys_check_bpf_lsm(char *why, size_t whylen)
{
	struct ld_securityfs fs;
	struct ld_lsm_list lsms;
	char path[300], param[512];

	/* Where the list cannot be read, the attach will say more. */
	if (ld_securityfs_find(&fs, false, param, sizeof(param)) != 0 ||
	    ld_securityfs_file(&fs, "lsm", path, sizeof(path)) != 0 ||
	    ld_read_lsm_file(path, &lsms) != 0 || ld_lsm_list_has(&lsms, "bpf"))
		return 0;
	if (ld_lsm_bpf_param(&lsms, param, sizeof(param)) != 0)
		snprintf(param, sizeof(param), "lsm=...,bpf");
	snprintf(why, whylen,
		 "BPF LSM is not active on this kernel: add %s (the active LSMs and bpf) to the "
		 "kernel command line and reboot",
		 param);
	return -EOPNOTSUPP;
}

enum ld_level ld_sys_kernel_level(void)
{
	struct ld_securityfs fs;
	enum ld_level level;
	char path[300], why[256];

	if (ld_securityfs_find(&fs, false, why, sizeof(why)) != 0 ||
	    ld_securityfs_file(&fs, "lockdown", path, sizeof(path)) != 0 ||
	    ld_read_level_file(path, &level) != 0)
		return LD_LEVEL_NONE;
	return level;
}

int ld_sys_ns_inode(const char *path, __u32 *ino)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return -errno;
	*ino = (__u32)st.st_ino;
	return 0;
}

enum ld_variant ld_sys_variant(void)
{
	return libbpf_probe_bpf_helper(BPF_PROG_TYPE_KPROBE, BPF_FUNC_get_current_task_btf, NULL) ==
			       1
		       ? LD_VARIANT_BTF
		       : LD_VARIANT_PROBE;
}

/* Whether the kernel (or the BTF file given) has the LSM hook `name`. */
bool ld_sys_has_lsm_hook(const char *btf_path, const char *name)
{
	struct btf *btf = btf_path ? btf__parse(btf_path, NULL) : btf__load_vmlinux_btf();
	char fn[96];
	bool has;

	if (!btf)
		return false;
	snprintf(fn, sizeof(fn), "bpf_lsm_%s", name);
	has = btf__find_by_name_kind(btf, fn, BTF_KIND_FUNC) >= 0;
	btf__free(btf);
	return has;
}

/* Wait for the exclusive lock of LD_LOCK_FILE; its fd (close it to unlock), or -errno. */
int ld_sys_lock_pins(char *why, size_t whylen)
{
	int fd, err;

	/* /run exists on any running system; an initramfs may lack it. */
	if ((mkdir("/run", 0755) != 0 && errno != EEXIST) ||
	    (mkdir(LD_LOCK_DIR, 0700) != 0 && errno != EEXIST)) {
		err = errno;
		snprintf(why, whylen, "creating %s: %s", LD_LOCK_DIR, strerror(err));
		return -err;
	}
	fd = open(LD_LOCK_FILE, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		err = errno;
		snprintf(why, whylen, "%s: %s", LD_LOCK_FILE, strerror(err));
		return -err;
	}
	while (flock(fd, LOCK_EX) != 0) {
		err = errno;
		if (err == EINTR)
			continue;
		close(fd);
		snprintf(why, whylen, "locking %s: %s", LD_LOCK_FILE, strerror(err));
		return -err;
	}
	return fd;
}

__u32 ld_sys_pinned_prog_id(const char *path)
{
	struct bpf_prog_info info;
	__u32 len = sizeof(info);
	int fd = bpf_obj_get(path);

	if (fd < 0)
		return 0;
	memset(&info, 0, sizeof(info));
	if (bpf_obj_get_info_by_fd(fd, &info, &len) != 0)
		info.id = 0;
	close(fd);
	return info.id;
}
